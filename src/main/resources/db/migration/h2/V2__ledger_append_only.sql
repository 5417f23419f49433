create trigger ledger_entry_no_update before update on ledger_entry
    for each row call 'org.custodia.ledger.h2.AppendOnlyTrigger';
create trigger ledger_entry_no_delete before delete on ledger_entry
    for each row call 'org.custodia.ledger.h2.AppendOnlyTrigger';
create trigger ledger_checkpoint_no_update before update on ledger_checkpoint
    for each row call 'org.custodia.ledger.h2.AppendOnlyTrigger';
create trigger ledger_checkpoint_no_delete before delete on ledger_checkpoint
    for each row call 'org.custodia.ledger.h2.AppendOnlyTrigger';
-- H2 has no TRUNCATE trigger; it refuses to truncate a table that a foreign key references.
create table ledger_truncate_guard (
    entry_seq       bigint references ledger_entry (seq),
    checkpoint_size bigint references ledger_checkpoint (tree_size)
);
