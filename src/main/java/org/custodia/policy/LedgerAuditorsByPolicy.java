package org.custodia.policy;

import org.custodia.ledger.LedgerAuditors;
import org.custodia.shared.Actor;
import org.springframework.stereotype.Component;

/** The ledger's auditors as the agencies' {@code see-ledger} permission names them. */
@Component
class LedgerAuditorsByPolicy implements LedgerAuditors {

	private final PolicyDecisions decisions;

	LedgerAuditorsByPolicy(PolicyDecisions decisions) {
		this.decisions = decisions;
	}

	@Override
	public void requireAuditor(Actor actor) {
		decisions.decideAcrossAgencies(actor, Action.SEE_LEDGER).orThrow();
	}
}
