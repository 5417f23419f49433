-- A role that sees footage is given only when a second person confirms it (issue 15). One row per
-- request; the ledger holds each step, these rows say which requests are still open.
create table identity_role_grant (
    id              uuid          primary key,
    user_id         uuid          not null references identity_user (id),
    agency_code     varchar(64)   not null,
    roles           varchar(300)  not null,
    added_roles     varchar(300)  not null,
    reason          varchar(32)   not null,
    state           varchar(16)   not null,
    requested_by    varchar(80)   not null,
    requested_by_id uuid,
    requested_at    timestamp with time zone not null,
    decided_by      varchar(80),
    decided_by_id   uuid,
    decided_at      timestamp with time zone,
    note            varchar(500)
);
create index identity_role_grant_agency on identity_role_grant (agency_code, state);
create index identity_role_grant_user on identity_role_grant (user_id, state);

-- Sessions signed in before the user's password last changed are ended: each session remembers the
-- generation it was signed in under.
alter table identity_user add column session_generation integer default 0 not null;
