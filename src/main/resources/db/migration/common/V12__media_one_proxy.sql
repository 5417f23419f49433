-- media: at most one browser proxy per recording, even when two requests for it meet; proxy_of holds the
-- recording of a proxy (null for clips and watermarked copies), the oldest proxy of each recording kept
alter table media_derived add column proxy_of uuid;
update media_derived d set proxy_of = recording_id
where kind = 'PROXY' and not exists (
    select 1 from media_derived e
    where e.recording_id = d.recording_id and e.kind = 'PROXY'
      and (e.requested_at < d.requested_at or (e.requested_at = d.requested_at and e.id < d.id)));
create unique index media_derived_one_proxy on media_derived (proxy_of);
