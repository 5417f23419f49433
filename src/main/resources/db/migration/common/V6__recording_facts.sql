-- ingest: what each original says about itself (media facts, its file name), when it was recorded and
-- how that was known, its SM3 once computed, and the device-clock finding it raised
alter table ingest_recording add column recorded_end timestamp with time zone;
alter table ingest_recording add column time_source varchar(24);
alter table ingest_recording add column sm3 varchar(64);
alter table ingest_recording add column media_format varchar(100);
alter table ingest_recording add column duration_ms bigint;
alter table ingest_recording add column created_as_stated varchar(40);
alter table ingest_recording add column created_tag varchar(60);
alter table ingest_recording add column created_offset varchar(8);
alter table ingest_recording add column video_codec varchar(40);
alter table ingest_recording add column width integer;
alter table ingest_recording add column height integer;
alter table ingest_recording add column frame_rate double precision;
alter table ingest_recording add column audio_codec varchar(40);
alter table ingest_recording add column audio_channels integer;
alter table ingest_recording add column audio_sample_rate integer;
alter table ingest_recording add column make varchar(100);
alter table ingest_recording add column model varchar(100);
alter table ingest_recording add column gps_latitude double precision;
alter table ingest_recording add column gps_longitude double precision;
alter table ingest_recording add column gps_altitude double precision;
alter table ingest_recording add column name_device_number varchar(64);
alter table ingest_recording add column name_time varchar(40);
alter table ingest_recording add column important boolean default false not null;
alter table ingest_recording add column clock_finding varchar(40);
alter table ingest_recording add column has_poster boolean default false not null;
create index ingest_recording_keyset on ingest_recording (agency_code, imported_at, id);

-- why a recording came late (remote area, continuous work: 001 art. 13); added, never changed
create table ingest_late_reason (
    id            uuid          primary key,
    recording_id  uuid          not null references ingest_recording (id),
    reason        varchar(24)   not null,
    note          varchar(1000),
    recorded_by   varchar(64)   not null,
    recorded_at   timestamp with time zone not null
);
create index ingest_late_reason_recording on ingest_late_reason (recording_id, recorded_at);

-- the same content offered again (another card, another device): linked to the original, not stored twice
create table ingest_duplicate_offer (
    id             uuid          primary key,
    recording_id   uuid          not null references ingest_recording (id),
    device_id      uuid          not null,
    original_name  varchar(1000) not null,
    offered_at     timestamp with time zone not null,
    offered_by     varchar(64)   not null
);
create index ingest_duplicate_offer_recording on ingest_duplicate_offer (recording_id, offered_at);
