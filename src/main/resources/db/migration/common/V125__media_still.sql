-- media: a still picture of one frame is a derived copy too (printing a still is copying); from_millis holds
-- the moment asked for and actual_from_millis the frame's own time. Dropped and added again because H2 and
-- PostgreSQL share no way to change a check constraint in place.
alter table media_derived drop constraint media_derived_kind;
alter table media_derived add constraint media_derived_kind check (kind in ('PROXY', 'CLIP', 'WATERMARKED', 'STILL'));
