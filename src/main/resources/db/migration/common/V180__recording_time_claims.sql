-- recording: every time a recording gives for itself, each with its source, the one chosen and why
-- (a stated offset, UTC by the container's definition, local in the agency's zone, the file name, the
-- file's time); the media's own claim is stored as an instant, not only recomputed; the streams' playing
-- time beside the container's, and FFmpeg's own words when it cannot decode a file
alter table recording_recording add column created_instant timestamp with time zone;
alter table recording_recording add column time_reason varchar(40);
alter table recording_recording add column streams_duration_ms bigint;
alter table recording_recording add column problem_detail varchar(500);

create table recording_time_claim (
    recording_id     uuid          not null references recording_recording (id),
    position         integer       not null,
    source           varchar(60)   not null,
    as_stated        varchar(40),
    stated_offset    varchar(8),
    claimed_at       timestamp with time zone,
    claims_end       boolean       not null,
    chosen           boolean       not null,
    differs_seconds  bigint,
    primary key (recording_id, position)
);
