package org.custodia.ledger;

import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.custodia.shared.Role;

/** Who may read entries and run verification: administrators and supervisors (SUP-1). */
final class LedgerAccess {

	static final String RULE = "custodia: the ledger's entries and verification are for administrators and supervisors (SUP-1)";

	private LedgerAccess() {
	}

	static void requireAuditor(Actor actor) {
		if (!actor.has(Role.ADMINISTRATOR) && !actor.has(Role.SUPERVISOR)) {
			throw CustodiaException.forbidden("rule.ledger-auditors-only", RULE);
		}
	}
}
