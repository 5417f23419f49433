-- ingest: which file of which device (its path in the imported folder, size and time) became which
-- recording, written in the transaction that records it; an import killed part-way resumes from it, and
-- a folder imported again is not read again for the files already recorded. The evidence is the recording.
create table ingest_source_file (
    source_key    varchar(64)   primary key,
    agency_code   varchar(64)   not null,
    device_id     uuid          not null,
    relative_path varchar(1000) not null,
    size_bytes    bigint        not null,
    modified_at   timestamp with time zone,
    recording_id  uuid          not null,
    sha256        varchar(64)   not null,
    stored_at     timestamp with time zone not null
);
create index ingest_source_file_device on ingest_source_file (device_id);
