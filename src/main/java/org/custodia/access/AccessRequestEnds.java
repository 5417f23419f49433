package org.custodia.access;

import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEvent;
import org.custodia.policy.AccessMatrix;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How an access request ends besides its refusal: withdrawn by whoever asked or entered it, closed as fulfilled by its
 * holder or the keeper, or expired at the end of its approval (a sweep marks it; the grant check does not wait for
 * it). Each a ledger entry.
 */
@Component
public class AccessRequestEnds {

	private final AccessRequestQueries requests;

	private final AccessRequestRepository rows;

	private final AccessMatrix matrix;

	private final Ledger ledger;

	private final Clock clock;

	private final TransactionTemplate transactions;

	AccessRequestEnds(AccessRequestQueries requests, AccessRequestRepository rows, AccessMatrix matrix, Ledger ledger,
			Clock clock, TransactionTemplate transactions) {
		this.requests = requests;
		this.rows = rows;
		this.matrix = matrix;
		this.ledger = ledger;
		this.clock = clock;
		this.transactions = transactions;
	}

	/** The requester, whoever entered it, or the keeper withdraws a request that is not over yet. */
	@Transactional
	public AccessRequest withdraw(Actor actor, UUID requestId, String reason) {
		AccessRequest request = requests.visible(actor, requestId);
		boolean own = actor.userId().equals(request.requesterUserId()) || actor.userId().equals(request.holderId())
				|| actor.has(matrix.registerKeeper(request.agency()));
		if (!own) {
			throw CustodiaException.forbidden("rule.access-withdraw-own", matrix.registerCite(request.agency()));
		}
		return close(actor, request, EnumSet.of(AccessRequest.State.SUBMITTED, AccessRequest.State.APPROVED,
				AccessRequest.State.PARTLY_APPROVED), AccessRequest.State.WITHDRAWN, "access.withdrawn", reason);
	}

	/** The holder or the keeper closes an approval as done: what was approved was watched or handed over. */
	@Transactional
	public AccessRequest fulfil(Actor actor, UUID requestId, String note) {
		AccessRequest request = requests.visible(actor, requestId);
		if (!actor.userId().equals(request.holderId()) && !actor.has(matrix.registerKeeper(request.agency()))) {
			throw CustodiaException.forbidden("rule.access-withdraw-own", matrix.registerCite(request.agency()));
		}
		return close(actor, request, EnumSet.of(AccessRequest.State.APPROVED, AccessRequest.State.PARTLY_APPROVED),
				AccessRequest.State.FULFILLED, "access.fulfilled", note);
	}

	private AccessRequest close(Actor actor, AccessRequest request, Set<AccessRequest.State> from,
			AccessRequest.State to, String action, String note) {
		if (!rows.closed(request.id(), from, to, clock.instant())) {
			throw CustodiaException.conflict("error.access-request-over", request.number());
		}
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("number", request.number());
		String trimmed = RequestInput.trimmed(note, 2000, "note");
		if (trimmed != null) {
			entry.put("note", trimmed);
		}
		ledger.append(LedgerEvent.by(actor, request.agency(), action, "access-request", request.id().toString(), entry));
		return rows.find(request.id()).orElseThrow();
	}

	/** Marks approvals past their end as expired, each with its ledger entry; returns how many. */
	public int expireDue() {
		int expired = 0;
		for (UUID id : rows.dueToExpire(clock.instant(), AccessRequests.MOST)) {
			Boolean done = transactions.execute(status -> {
				AccessRequest request = rows.find(id).orElseThrow();
				if (!rows.closed(id, EnumSet.of(AccessRequest.State.APPROVED, AccessRequest.State.PARTLY_APPROVED),
						AccessRequest.State.EXPIRED, clock.instant())) {
					return false;
				}
				ledger.append(LedgerEvent.bySystem("access-expiry", request.agency(), "access.expired", "access-request",
						id.toString(), Map.of("number", request.number(), "until", request.expiresAt().toString())));
				return true;
			});
			expired += Boolean.TRUE.equals(done) ? 1 : 0;
		}
		return expired;
	}
}
