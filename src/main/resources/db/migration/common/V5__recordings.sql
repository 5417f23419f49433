-- ingest: every original imported into the store, never altered; duplicates are not stored twice
create table ingest_recording (
    id             uuid          primary key,
    agency_code    varchar(64)   not null,
    device_id      uuid          not null,
    officer_id     uuid,
    blob_key       varchar(200)  not null,
    sha256         varchar(64)   not null,
    size_bytes     bigint        not null,
    original_name  varchar(1000) not null,
    content_type   varchar(100)  not null,
    recorded_at    timestamp with time zone,
    imported_at    timestamp with time zone not null,
    imported_by    varchar(64)   not null,
    late_minutes   bigint,
    readable       boolean       not null,
    problem        varchar(200),
    constraint ingest_recording_once unique (agency_code, sha256)
);
create index ingest_recording_device on ingest_recording (device_id, recorded_at);

-- device: what a device recorded, for its custody ledger (001 art. 4)
create table device_recording (
    device_id    uuid not null references device_device (id),
    recording_id uuid not null,
    recorded_at  timestamp with time zone,
    holder_id    uuid,
    primary key (device_id, recording_id)
);
