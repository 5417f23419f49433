-- the staff who handle a case (案件承办人); access requests ask whether a user handles a recording's case
create table activity_case_handler (
    case_id      uuid          not null references activity_case (id),
    user_id      uuid          not null,
    assigned_by  varchar(64)   not null,
    assigned_at  timestamp with time zone not null,
    primary key (case_id, user_id)
);
create index activity_case_handler_user on activity_case_handler (user_id);
