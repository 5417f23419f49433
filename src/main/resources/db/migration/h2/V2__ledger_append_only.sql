create trigger ledger_entry_no_update before update on ledger_entry
    for each row call 'org.custodia.ledger.h2.AppendOnlyTrigger';
create trigger ledger_entry_no_delete before delete on ledger_entry
    for each row call 'org.custodia.ledger.h2.AppendOnlyTrigger';
