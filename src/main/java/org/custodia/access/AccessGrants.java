package org.custodia.access;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

import org.custodia.activity.CaseHandlers;
import org.custodia.identity.UserView;
import org.custodia.identity.Users;
import org.custodia.policy.AccessMatrix;
import org.custodia.policy.Action;
import org.custodia.policy.Decision;
import org.custodia.policy.PolicyDecisions;
import org.custodia.recording.Recording;
import org.custodia.shared.Actor;
import org.custodia.shared.Role;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a person may watch or copy a recording now, and why: an approval in force that he holds, or the
 * case handler's direct view where the regulation grants one (001-access art. 4). An approval ends at its date,
 * when its request is closed, and at once when its holder is locked out or moves to another unit.
 */
@Component
class AccessGrants {

	private final AccessRequestRepository requests;

	private final CaseHandlers cases;

	private final AccessMatrix matrix;

	private final PolicyDecisions decisions;

	private final Users users;

	private final Clock clock;

	AccessGrants(AccessRequestRepository requests, CaseHandlers cases, AccessMatrix matrix, PolicyDecisions decisions,
			Users users, Clock clock) {
		this.requests = requests;
		this.cases = cases;
		this.matrix = matrix;
		this.decisions = decisions;
		this.users = users;
		this.clock = clock;
	}

	/** Why the actor may use the recording so, or empty. The administrator never may (separation of duties). */
	@Transactional(readOnly = true)
	Optional<AccessBasis> basis(Actor actor, Recording recording, AccessMatrix.Use use) {
		if (actor.has(Role.ADMINISTRATOR)) {
			// separation of duties: whatever else he holds, the administrator sees no footage
			return Optional.empty();
		}
		// a holder who has left the agency, or is locked out, holds nothing
		Optional<UserView> holder = users.findByIdForSystem(actor.userId()).filter(user -> user.enabled() && !user.locked());
		if (holder.isEmpty()) {
			return Optional.empty();
		}
		Optional<AccessBasis> granted = requests.grants(actor.userId(), recording.id(), use, clock.instant()).stream()
			.filter(grant -> grant.holderUnitId() == null || Objects.equals(grant.holderUnitId(), holder.get().unitId()))
			.map(AccessRequestRepository.Grant::basis)
			.findFirst();
		if (granted.isPresent() || use != AccessMatrix.Use.WATCH) {
			return granted;
		}
		return direct(actor, recording);
	}

	/** The case handler's direct view, where the agency's rules let him view his own case without approval. */
	private Optional<AccessBasis> direct(Actor actor, Recording recording) {
		Decision rule = matrix.answer(recording.agency(), AccessMatrix.Requester.CASE_HANDLER, AccessMatrix.Use.WATCH, false)
			.decision();
		if (!rule.isAllowed() || !cases.handles(actor.userId(), recording.id())) {
			return Optional.empty();
		}
		return Optional.of(new AccessBasis(null, null, null, null, null, rule.citation(), true));
	}

	/** The refusal to show when there is no basis: the rule that watching (or copying) needs an approved request. */
	Decision refusal(Actor actor, Recording recording, AccessMatrix.Use use) {
		return decisions.decide(actor, use == AccessMatrix.Use.WATCH ? Action.PLAY_BACK : Action.MAKE_WATERMARKED_COPY,
				recording.agency());
	}
}
