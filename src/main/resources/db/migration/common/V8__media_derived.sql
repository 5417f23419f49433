-- media: copies derived from an original (browser proxy, clip, watermarked copy); each is a new blob
-- in the store that names its original and carries its own hash; the original is only ever read
create table media_derived (
    id                 uuid          primary key,
    recording_id       uuid          not null,
    agency             varchar(64)   not null,
    kind               varchar(20)   not null,
    state              varchar(20)   not null,
    original_key       varchar(200)  not null,
    original_sha256    varchar(64)   not null,
    store_key          varchar(200),
    sha256             varchar(64),
    size               bigint,
    content_type       varchar(100),
    from_millis        bigint,
    to_millis          bigint,
    actual_from_millis bigint,
    made_by            varchar(64)   not null,
    made_for           varchar(200),
    request_ref        varchar(100),
    watermark_text     varchar(1000),
    problem            varchar(1000),
    requested_at       timestamp with time zone not null,
    finished_at        timestamp with time zone,
    constraint media_derived_kind check (kind in ('PROXY', 'CLIP', 'WATERMARKED')),
    constraint media_derived_state check (state in ('PENDING', 'WORKING', 'READY', 'FAILED'))
);
create index media_derived_recording on media_derived (recording_id);
create index media_derived_state on media_derived (state);
