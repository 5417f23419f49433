create trigger ledger_subtree_append_only before update or delete on ledger_subtree
    for each row execute function ledger_refuse_change();
create trigger ledger_subtree_no_truncate before truncate on ledger_subtree
    for each statement execute function ledger_refuse_change();
