-- Viewing sessions while they run. The ledger gets one entry per session when it ends (or, after a
-- crash, at the next start); these rows are only the open sessions' bookkeeping.
create table access_viewing (
    id            uuid primary key,
    agency        varchar(64)   not null,
    recording_id  uuid          not null,
    object        varchar(80)   not null,
    username      varchar(64)   not null,
    started_at    timestamp with time zone not null,
    last_seen_at  timestamp with time zone not null,
    served        varchar(4000) not null,
    requests      integer       not null,
    played        varchar(4000),
    closed        boolean       not null
);
create index access_viewing_open on access_viewing (closed, last_seen_at);
