-- identity: agencies (tenants), units, users, roles, API tokens
create table identity_agency (
    code        varchar(64)  primary key,
    name_zh     varchar(200) not null,
    name_en     varchar(200) not null,
    created_at  timestamp with time zone not null
);

create table identity_unit (
    id          uuid         primary key,
    agency_code varchar(64)  not null references identity_agency (code),
    name_zh     varchar(200) not null,
    name_en     varchar(200) not null,
    kind        varchar(32)  not null,
    created_at  timestamp with time zone not null,
    constraint identity_unit_name_unique unique (agency_code, name_zh)
);

create table identity_user (
    id                   uuid         primary key,
    username             varchar(64)  not null unique,
    display_name         varchar(200) not null,
    agency_code          varchar(64)  references identity_agency (code),
    unit_id              uuid         references identity_unit (id),
    password_hash        varchar(200) not null,
    must_change_password boolean      not null,
    locale               varchar(16)  not null,
    failed_attempts      integer      not null default 0,
    locked_until         timestamp with time zone,
    enabled              boolean      not null default true,
    created_at           timestamp with time zone not null,
    last_login_at        timestamp with time zone
);

create table identity_user_role (
    user_id uuid        not null references identity_user (id),
    role    varchar(32) not null,
    primary key (user_id, role)
);

create table identity_api_token (
    id          uuid         primary key,
    user_id     uuid         not null references identity_user (id),
    name        varchar(100) not null,
    token_hash  varchar(64)  not null unique,
    prefix      varchar(16)  not null,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    revoked_at  timestamp with time zone,
    last_used_at timestamp with time zone
);

-- policy: values an administrator sets where the regulation leaves them open; the newest row wins
create table policy_setting (
    id          uuid         primary key,
    agency_code varchar(64)  not null,
    setting     varchar(64)  not null,
    setting_value varchar(200) not null,
    reason      varchar(500) not null,
    set_by      varchar(64)  not null,
    set_at      timestamp with time zone not null
);
create index policy_setting_lookup on policy_setting (agency_code, setting, set_at);

-- ledger: append-only; appenders serialise on the one lock row. entry holds the canonical bytes
-- (RFC 8785) that are hashed; the other columns repeat them for queries (docs/ledger-format.md).
create table ledger_writer_lock (
    id integer primary key
);
insert into ledger_writer_lock (id) values (1);

create table ledger_entry (
    seq          bigint       primary key,
    occurred_at  timestamp with time zone not null,
    agency       varchar(64),
    actor        varchar(128) not null,
    actor_roles  varchar(256) not null,
    action       varchar(96)  not null,
    subject_type varchar(64)  not null,
    subject_id   varchar(128) not null,
    payload      varchar      not null,
    entry        varchar      not null,
    leaf_hash    varchar(64)  not null
);
create index ledger_entry_agency on ledger_entry (agency, seq);

-- signed tree heads; one per tree size, never rewritten
create table ledger_checkpoint (
    tree_size  bigint       primary key,
    root_hash  varchar(64)  not null,
    frontier   varchar      not null,
    note       varchar      not null,
    signed_at  timestamp with time zone not null
);
