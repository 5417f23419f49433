-- activity: cases (案件) and enforcement activities (执法活动), the recordings confirmed for each,
-- work records filed when an activity was not recorded (CMP-3), explained interruptions (REC-4),
-- reviews of the start statement and notification (REC-5), and long-term marks (RET-3)
create table activity_case (
    id           uuid          primary key,
    agency_code  varchar(64)   not null,
    number       varchar(64)   not null,
    name         varchar(300)  not null,
    status       varchar(16)   not null,
    created_at   timestamp with time zone not null,
    created_by   varchar(64)   not null,
    constraint activity_case_number unique (agency_code, number)
);

create table activity_activity (
    id           uuid          primary key,
    agency_code  varchar(64)   not null,
    type_code    varchar(64)   not null,
    unit_id      uuid,
    case_id      uuid          references activity_case (id),
    place        varchar(300)  not null,
    started_at   timestamp with time zone not null,
    ended_at     timestamp with time zone not null,
    parties      varchar(1000),
    source       varchar(16)   not null,
    created_at   timestamp with time zone not null,
    created_by   varchar(64)   not null
);
create index activity_activity_period on activity_activity (agency_code, started_at);

create table activity_officer (
    activity_id  uuid not null references activity_activity (id),
    officer_id   uuid not null,
    primary key (activity_id, officer_id)
);
create index activity_officer_officer on activity_officer (officer_id);

-- a recording belongs to at most one activity: the recording id is the key
create table activity_recording (
    recording_id  uuid          primary key,
    activity_id   uuid          not null references activity_activity (id),
    agency_code   varchar(64)   not null,
    device_id     uuid,
    officer_id    uuid,
    recorded_at   timestamp with time zone,
    recorded_end  timestamp with time zone,
    late_minutes  bigint,
    confirmed_by  varchar(64)   not null,
    confirmed_at  timestamp with time zone not null
);
create index activity_recording_activity on activity_recording (activity_id, recorded_at);

create table activity_work_record (
    id              uuid          primary key,
    activity_id     uuid          not null references activity_activity (id),
    agency_code     varchar(64)   not null,
    reason_code     varchar(64)   not null,
    reason          varchar(2000) not null,
    basis           varchar(2000) not null,
    leader_id       uuid          not null,
    written_by_id   uuid          not null,
    written_by      varchar(64)   not null,
    written_at      timestamp with time zone not null,
    reviewer_role   varchar(32)   not null,
    reviewer_id     uuid          not null,
    status          varchar(16)   not null,
    reviewed_at     timestamp with time zone,
    review_note     varchar(1000),
    filed_by        varchar(64),
    filed_at        timestamp with time zone,
    copies          integer       not null,
    copy_holders    varchar(1000),
    cite            varchar(300)  not null
);
create index activity_work_record_activity on activity_work_record (activity_id);

-- why recording stopped between two consecutive recordings of an activity
create table activity_interruption (
    activity_id          uuid          not null references activity_activity (id),
    after_recording_id   uuid          not null,
    agency_code          varchar(64)   not null,
    gap_start            timestamp with time zone not null,
    gap_end              timestamp with time zone not null,
    reason_code          varchar(64)   not null,
    note                 varchar(1000),
    explained_by         varchar(64)   not null,
    explained_at         timestamp with time zone not null,
    cite                 varchar(300)  not null,
    primary key (activity_id, after_recording_id)
);

create table activity_statement_review (
    id                  uuid          primary key,
    activity_id         uuid          not null references activity_activity (id),
    recording_id        uuid          not null,
    agency_code         varchar(64)   not null,
    start_statement     boolean,
    notification        boolean,
    method              varchar(16)   not null,
    note                varchar(1000),
    reviewed_by         varchar(64)   not null,
    reviewed_at         timestamp with time zone not null
);
create index activity_statement_review_activity on activity_statement_review (activity_id, reviewed_at);

-- kept long-term (and burned to disc) because a trigger of RET-3 applies; the retention work reads these
create table activity_long_term (
    id            uuid          primary key,
    agency_code   varchar(64)   not null,
    subject_type  varchar(16)   not null,
    subject_id    uuid          not null,
    trigger_code  varchar(64)   not null,
    cite          varchar(300)  not null,
    note          varchar(1000),
    marked_by     varchar(64)   not null,
    marked_at     timestamp with time zone not null,
    constraint activity_long_term_once unique (subject_type, subject_id, trigger_code)
);
create index activity_long_term_agency on activity_long_term (agency_code, marked_at);
