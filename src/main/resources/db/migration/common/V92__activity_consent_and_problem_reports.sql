-- activity: who consented to not recording, in which capacity the policy names (000 art. 8: the on-site
-- leader or the head of the case-handling department); none where the regulation asks for no consent
alter table activity_work_record alter column leader_id drop not null;
alter table activity_work_record add column consent_by varchar(32);

-- activity: an officer whose recording cannot go on reports it at once to the head of his department
-- (002 art. 11); the report with its time, added, never changed
create table activity_problem_report (
    id              uuid          primary key,
    activity_id     uuid          not null references activity_activity (id),
    agency_code     varchar(64)   not null,
    reported_by_id  uuid          not null,
    reported_by     varchar(64)   not null,
    reported_to_id  uuid          not null,
    reported_at     timestamp with time zone not null,
    recorded_at     timestamp with time zone not null,
    note            varchar(2000) not null,
    cite            varchar(300)  not null
);
create index activity_problem_report_activity on activity_problem_report (activity_id, reported_at);
