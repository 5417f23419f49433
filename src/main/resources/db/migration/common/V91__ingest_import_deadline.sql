-- ingest: each recording's import deadline under its agency's rule, and the rule that set it (REC-1);
-- a late reason the regulation allows (001 art. 13, 002 art. 13, 003 art. 13) counts it again from the
-- return to the unit. Rows imported before have no deadline: their stored lateness stands.
alter table ingest_recording add column import_deadline timestamp with time zone;
alter table ingest_recording add column deadline_cite varchar(500);
alter table ingest_late_reason add column deadline timestamp with time zone;
alter table ingest_late_reason add column deadline_cite varchar(500);
-- the reasons are the agency's codes now (remote-area, water, …), longer than the former names
alter table ingest_late_reason alter column reason set data type varchar(64);
