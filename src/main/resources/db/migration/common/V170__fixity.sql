-- fixity: every stored copy read again within a period (ARC-1/ARC-2), what each sweep found, and when
-- each key was last read, so that the next run takes the keys read longest ago.
create table fixity_sweep (
    id            uuid          primary key,
    scope         varchar(10)   not null,
    repair        boolean       not null,
    started_by    varchar(64)   not null,
    started_at    timestamp with time zone not null,
    finished_at   timestamp with time zone,
    state         varchar(10)   not null,
    keys_checked  bigint        not null,
    bytes_read    bigint        not null,
    findings      bigint        not null,
    repaired      bigint        not null,
    lost          bigint        not null,
    orphans       bigint        not null,
    problem       varchar(1000),
    constraint fixity_sweep_scope check (scope in ('WHOLE', 'SLICE')),
    constraint fixity_sweep_state check (state in ('RUNNING', 'DONE', 'FAILED'))
);
create index fixity_sweep_started on fixity_sweep (started_at);

create table fixity_check (
    store_key     varchar(300)  primary key,
    checked_at    timestamp with time zone not null,
    good          boolean       not null
);
create index fixity_check_checked on fixity_check (checked_at);

create table fixity_finding (
    id             uuid          primary key,
    sweep_id       uuid          not null references fixity_sweep (id),
    store_key      varchar(300)  not null,
    agency         varchar(64),
    kind           varchar(20)   not null,
    primary_state  varchar(20),
    second_state   varchar(20),
    found_sha256   varchar(64),
    found_size     bigint,
    detail         varchar(2000),
    subject_type   varchar(40),
    subject_id     varchar(64),
    repair         varchar(20),
    repair_problem varchar(1000),
    found_at       timestamp with time zone not null,
    closed_at      timestamp with time zone,
    constraint fixity_finding_kind check (kind in ('DAMAGED', 'LOST', 'ORPHAN'))
);
create index fixity_finding_open on fixity_finding (closed_at, agency);
create index fixity_finding_sweep on fixity_finding (sweep_id);
create index fixity_finding_key on fixity_finding (store_key);
