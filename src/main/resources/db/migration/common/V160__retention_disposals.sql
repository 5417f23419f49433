-- Approved disposal (RET-1): the custodian proposes expired recordings, the approver the policy names (never the
-- proposer) approves or strikes items, and after the waiting period the job disposes of them. A disposed recording's
-- row stays as its tombstone (hashes, size, metadata, activity); the items keep who proposed and approved it, when,
-- and the rule that let it go. Derived copies go with their original.
alter table recording_recording add column disposed_at timestamp with time zone;
alter table recording_recording add column disposal_id uuid;
alter table media_derived add column disposed_at timestamp with time zone;
alter table media_derived add column disposal_id uuid;

create table retention_disposal (
    id              uuid          primary key,
    agency_code     varchar(64)   not null,
    number          varchar(16)   not null,
    state           varchar(16)   not null,
    reason          varchar(2000) not null,
    approvers       varchar(200)  not null,
    cite            varchar(500)  not null,
    proposed_by     varchar(64)   not null,
    proposed_at     timestamp with time zone not null,
    decided_by      varchar(64),
    decided_at      timestamp with time zone,
    decision_note   varchar(2000),
    wait_until      timestamp with time zone,
    wait_cite       varchar(500),
    cancelled_by    varchar(64),
    cancelled_at    timestamp with time zone,
    cancel_reason   varchar(2000),
    executed_at     timestamp with time zone,
    files_removed_at timestamp with time zone,
    constraint retention_disposal_number unique (agency_code, number),
    constraint retention_disposal_state check (state in ('PROPOSED', 'APPROVED', 'REJECTED', 'CANCELLED', 'EXECUTED'))
);
create index retention_disposal_agency on retention_disposal (agency_code, state);

create table retention_disposal_item (
    disposal_id     uuid          not null references retention_disposal (id),
    recording_id    uuid          not null,
    position        integer       not null,
    keep_until      timestamp with time zone not null,
    rule            varchar(32)   not null,
    cite            varchar(500)  not null,
    struck          boolean       not null default false,
    strike_note     varchar(2000),
    outcome         varchar(16),
    outcome_note    varchar(2000),
    blob_key        varchar(300)  not null,
    sha256          varchar(64)   not null,
    size_bytes      bigint        not null,
    primary key (disposal_id, recording_id),
    constraint retention_disposal_item_outcome check (outcome is null or outcome in ('DISPOSED', 'KEPT'))
);
create index retention_disposal_item_recording on retention_disposal_item (recording_id);
create index retention_disposal_item_key on retention_disposal_item (blob_key);

-- The derived copies disposed of with an item's original: their keys, for the removal and its recovery.
create table retention_disposal_copy (
    disposal_id     uuid          not null references retention_disposal (id),
    recording_id    uuid          not null,
    copy_id         uuid          not null primary key,
    kind            varchar(20)   not null,
    store_key       varchar(300)  not null,
    sha256          varchar(64),
    size_bytes      bigint
);
create index retention_disposal_copy_key on retention_disposal_copy (store_key);
