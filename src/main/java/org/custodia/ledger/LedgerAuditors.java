package org.custodia.ledger;

import org.custodia.shared.Actor;

/**
 * Who may read the ledger's entries, sign a checkpoint on demand and run the verification (SUP-1). The
 * agencies' policies decide, through the policy module, which sits above the ledger and implements this.
 */
public interface LedgerAuditors {

	/** Throws a 403 naming the rule unless the actor may audit the ledger. */
	void requireAuditor(Actor actor);
}
