-- the dock's memory of which files of which device it has already imported, so that a camera docked
-- again (also after a restart) offers only its new files; bookkeeping, the evidence is ingest_recording
create table ingest_dock_file (
    file_key    varchar(64)  primary key,
    device_id   uuid         not null,
    imported_at timestamp with time zone not null
);
