-- A record's history (the player page shows a recording's entries) is read by subject.
create index ledger_entry_subject on ledger_entry (agency, subject_id);
