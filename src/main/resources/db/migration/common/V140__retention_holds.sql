-- Holds (RET-1): a recording, or every recording of a case, that must not be disposed of while the hold stands,
-- whatever its keep-until date; placed and released with their reasons, each a ledger entry.
create table retention_hold (
    id              uuid          primary key,
    agency_code     varchar(64)   not null,
    subject_type    varchar(16)   not null,
    subject_id      uuid          not null,
    kind            varchar(32)   not null,
    reason          varchar(2000) not null,
    placed_by       varchar(64)   not null,
    placed_at       timestamp with time zone not null,
    released_by     varchar(64),
    released_at     timestamp with time zone,
    release_reason  varchar(2000),
    constraint retention_hold_subject check (subject_type in ('RECORDING', 'CASE')),
    constraint retention_hold_kind check (kind in ('CASE', 'DISPUTE', 'COMPLAINT', 'ACCESS_REQUEST', 'INVESTIGATION'))
);
create index retention_hold_subject on retention_hold (subject_id, released_at);
create index retention_hold_agency on retention_hold (agency_code, released_at);
