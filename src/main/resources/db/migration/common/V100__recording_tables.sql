-- The recording has its own module: its tables carry its prefix. Renaming keeps rows, keys and references.
alter table ingest_recording rename to recording_recording;
alter table ingest_late_reason rename to recording_late_reason;
alter table ingest_duplicate_offer rename to recording_duplicate_offer;
alter index ingest_recording_device rename to recording_recording_device;
alter index ingest_recording_keyset rename to recording_recording_keyset;
alter index ingest_late_reason_recording rename to recording_late_reason_recording;
alter index ingest_duplicate_offer_recording rename to recording_duplicate_offer_recording;
alter table recording_recording rename constraint ingest_recording_once to recording_recording_once;
