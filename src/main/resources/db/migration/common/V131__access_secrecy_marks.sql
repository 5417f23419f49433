-- Secrecy marks (ACC-9): a recording or a case marked as a state secret, trade secret or personal privacy is
-- visible only to the people the mark names. A mark takes effect, and is lifted, only once approved.
create table access_secrecy_mark (
    id              uuid          primary key,
    agency_code     varchar(64)   not null,
    subject_type    varchar(16)   not null,
    subject_id      uuid          not null,
    kind            varchar(32)   not null,
    named           varchar(4000) not null,
    reason          varchar(2000) not null,
    state           varchar(20)   not null,
    proposed_by     varchar(64)   not null,
    proposed_by_id  uuid          not null,
    proposed_at     timestamp with time zone not null,
    decided_by      varchar(64),
    decided_at      timestamp with time zone,
    removal_reason  varchar(2000),
    removal_by_id   uuid,
    constraint access_secrecy_subject check (subject_type in ('RECORDING', 'CASE')),
    constraint access_secrecy_kind check (kind in ('STATE_SECRET', 'TRADE_SECRET', 'PERSONAL_PRIVACY')),
    constraint access_secrecy_state check (state in ('PROPOSED', 'ACTIVE', 'REFUSED', 'REMOVAL_PROPOSED', 'LIFTED'))
);
create index access_secrecy_subject on access_secrecy_mark (subject_id, state);
create index access_secrecy_agency on access_secrecy_mark (agency_code, state);
