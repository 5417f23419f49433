package org.custodia.access;

import java.util.List;
import java.util.UUID;

import org.custodia.policy.AccessMatrix;
import org.custodia.policy.Action;
import org.custodia.policy.PolicyDecisions;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.custodia.shared.Role;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who sees which access request: the keeper, the approvers and the supervisors see the agency's; anyone else the
 * requests he made, holds or may decide. The inbox is what waits for the reader's decision or check.
 */
@Component
public class AccessRequestQueries {

	private final AccessRequestRepository requests;

	private final AccessMatrix matrix;

	private final PolicyDecisions decisions;

	AccessRequestQueries(AccessRequestRepository requests, AccessMatrix matrix, PolicyDecisions decisions) {
		this.requests = requests;
		this.matrix = matrix;
		this.decisions = decisions;
	}

	@Transactional(readOnly = true)
	public AccessRequest get(Actor actor, UUID requestId) {
		return visible(actor, requestId);
	}

	/**
	 * The agency's requests of one state (all when null), newest first. Approvers, the keeper and supervisors see
	 * the agency's; anyone else the requests he made or holds.
	 */
	@Transactional(readOnly = true)
	public List<AccessRequest> list(Actor actor, String agency, AccessRequest.State state) {
		decisions.decide(actor, Action.SEE_RECORDINGS, agency).orThrow();
		List<AccessRequest> all = requests.list(agency, state, AccessRequests.MOST);
		if (seesAll(actor, agency)) {
			return all;
		}
		return all.stream().filter(request -> involves(actor, request)).toList();
	}

	/** The requests waiting for a decision this actor may make. */
	@Transactional(readOnly = true)
	public List<AccessRequest> inbox(Actor actor, String agency) {
		return list(actor, agency, AccessRequest.State.SUBMITTED).stream()
			.filter(request -> !actor.userId().equals(request.requesterUserId()))
			.filter(request -> request.uses().stream().allMatch(use -> {
				AccessMatrix.Answer answer = matrix.answer(agency, request.requesterKind(), use, request.lawyer());
				return !answer.refused() && (answer.decision().isAllowed() ? actor.has(matrix.registerKeeper(agency))
						: answer.approvers().stream().anyMatch(actor::has));
			}))
			.toList();
	}

	private boolean seesAll(Actor actor, String agency) {
		return actor.has(matrix.registerKeeper(agency)) || actor.has(Role.CHIEF) || actor.has(Role.LEADER_IN_CHARGE)
				|| actor.has(Role.LEGAL_HEAD) || actor.has(Role.SUPERVISOR);
	}

	private static boolean involves(Actor actor, AccessRequest request) {
		return actor.userId().equals(request.requesterUserId()) || actor.userId().equals(request.holderId());
	}

	/** A request of the actor's agency he may see (another agency's, or one not his to see, is not found). */
	AccessRequest visible(Actor actor, UUID requestId) {
		AccessRequest request = requests.find(requestId)
			.filter(found -> actor.belongsTo(found.agency()) && !actor.has(Role.ADMINISTRATOR))
			.orElseThrow(() -> CustodiaException.notFound("error.access-request-not-found", requestId));
		if (!seesAll(actor, request.agency()) && !involves(actor, request)
				&& !mayDecideAny(actor, request)) {
			throw CustodiaException.notFound("error.access-request-not-found", requestId);
		}
		return request;
	}

	private boolean mayDecideAny(Actor actor, AccessRequest request) {
		return request.uses().stream().anyMatch(use -> matrix.answer(request.agency(), request.requesterKind(), use,
				request.lawyer()).approvers().stream().anyMatch(actor::has));
	}
}
