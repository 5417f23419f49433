create trigger ledger_subtree_no_update before update on ledger_subtree
    for each row call 'org.custodia.ledger.h2.AppendOnlyTrigger';
create trigger ledger_subtree_no_delete before delete on ledger_subtree
    for each row call 'org.custodia.ledger.h2.AppendOnlyTrigger';
