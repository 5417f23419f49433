-- Access requests (调阅申请): who asks, for whom, which recordings, why, what for (watch, copy, print,
-- public use), who decided under which article, and until when the approval lasts. Outsiders never log in:
-- staff enter their requests, and the scanned documents they bring are stored write-once beside them.
create table access_request (
    id                 uuid          primary key,
    agency_code        varchar(64)   not null,
    number             varchar(32)   not null,
    requester_kind     varchar(40)   not null,
    requester_name     varchar(200)  not null,
    requester_user_id  uuid,
    lawyer             boolean       not null,
    on_behalf_of       varchar(300),
    case_id            uuid,
    activity_id        uuid,
    reason             varchar(2000),
    uses               varchar(100)  not null,
    state              varchar(20)   not null,
    approvers          varchar(100),
    cite               varchar(300)  not null,
    entered_by         varchar(64)   not null,
    entered_by_id      uuid          not null,
    entered_at         timestamp with time zone not null,
    holder_id          uuid          not null,
    holder_unit_id     uuid,
    decided_by         varchar(64),
    decided_at         timestamp with time zone,
    decision_note      varchar(2000),
    expires_at         timestamp with time zone,
    closed_at          timestamp with time zone,
    constraint access_request_number unique (agency_code, number),
    constraint access_request_state check (state in ('SUBMITTED', 'APPROVED', 'PARTLY_APPROVED', 'REFUSED',
        'WITHDRAWN', 'FULFILLED', 'EXPIRED'))
);
create index access_request_inbox on access_request (agency_code, state, entered_at);
create index access_request_holder on access_request (holder_id, state);

create table access_request_recording (
    request_id    uuid     not null references access_request (id),
    recording_id  uuid     not null,
    granted       boolean  not null,
    primary key (request_id, recording_id)
);
create index access_request_recording_recording on access_request_recording (recording_id);

create table access_request_document (
    id             uuid          primary key,
    request_id     uuid          not null references access_request (id),
    kind           varchar(40)   not null,
    original_name  varchar(300)  not null,
    store_key      varchar(300)  not null,
    sha256         varchar(64)   not null,
    size           bigint        not null,
    content_type   varchar(100),
    uploaded_by    varchar(64)   not null,
    uploaded_at    timestamp with time zone not null
);
create index access_request_document_request on access_request_document (request_id);

-- The access register (查阅登记簿): one row per view, copy, print, release and public use, with who, for
-- whom, why, when, approved by whom and under which article.
create table access_register (
    id              uuid          primary key,
    agency_code     varchar(64)   not null,
    at              timestamp with time zone not null,
    kind            varchar(20)   not null,
    recording_id    uuid          not null,
    recording_name  varchar(300),
    person          varchar(200)  not null,
    person_id       uuid,
    for_whom        varchar(300),
    reason          varchar(2000),
    request_id      uuid,
    request_number  varchar(32),
    approved_by     varchar(64),
    cite            varchar(300)  not null,
    registered_by   varchar(64)   not null,
    derived_id      uuid,
    constraint access_register_kind check (kind in ('VIEW', 'DIRECT_VIEW', 'COPY', 'PRINT', 'RELEASE', 'PUBLIC_USE'))
);
create index access_register_agency_at on access_register (agency_code, at);
create index access_register_recording on access_register (recording_id, at);
create index access_register_person on access_register (person_id, at);
