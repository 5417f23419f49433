-- Where a clip actually ends in its original (ms), beside where it actually starts: a clip cut at a key frame,
-- or an original that ends before the span asked for, covers another span than the one asked.
alter table media_derived add column actual_to_millis bigint;
