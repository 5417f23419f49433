package org.custodia.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.custodia.activity.Activities;
import org.custodia.activity.EnforcementCase;
import org.custodia.media.DerivedCopies;
import org.custodia.media.DerivedCopy;
import org.custodia.policy.AccessMatrix;
import org.custodia.recording.Recording;
import org.custodia.recording.RecordingRegister;
import org.custodia.shared.Actor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the request page shows: the request, its recordings with what its holder may do with each now, the copies
 * made for it, its history, and which of its steps the reader may take (attach, decide, withdraw, close).
 */
@Component
public class AccessRequestPage {

	/** One recording of the request, with what the reader may do with it under this request. */
	public record Line(UUID id, String name, Instant recordedAt, boolean granted, boolean mayWatch, boolean mayCopy,
			boolean mayPrint, List<DerivedCopy> copies) {
	}

	/** A step of the request's history: {@code what} is a message key, {@code detail} its words or a file. */
	public record Step(Instant at, String what, String who, String detail) {
	}

	public record View(AccessRequest request, List<Line> recordings, List<Step> history,
			List<AccessRegisterEntry> register, boolean mayAttach, boolean mayDecide, boolean mayWithdraw,
			boolean mayFulfil, List<String> documentsAsked, List<String> documentsMissing) {
	}

	/** The new-request form: who may be named as requester, and what may be asked. */
	public record Form(List<Recording> recordings, List<AccessMatrix.Requester> kinds, List<AccessMatrix.Use> uses,
			boolean keeper, List<EnforcementCase> cases) {
	}

	private final AccessRequestQueries requests;

	private final AccessGrants grants;

	private final AccessMatrix matrix;

	private final RecordingRegister register;

	private final DerivedCopies derivedCopies;

	private final AccessRegister accessRegister;

	private final Activities activities;

	private final Playback playback;

	private final java.time.Clock clock;

	AccessRequestPage(AccessRequestQueries requests, AccessGrants grants, AccessMatrix matrix, RecordingRegister register,
			DerivedCopies derivedCopies, AccessRegister accessRegister, Activities activities, Playback playback,
			java.time.Clock clock) {
		this.activities = activities;
		this.playback = playback;
		this.clock = clock;
		this.requests = requests;
		this.grants = grants;
		this.matrix = matrix;
		this.register = register;
		this.derivedCopies = derivedCopies;
		this.accessRegister = accessRegister;
	}

	@Transactional(readOnly = true)
	public View of(Actor actor, UUID id) {
		AccessRequest request = requests.get(actor, id);
		boolean holder = actor.userId().equals(request.holderId());
		java.util.Set<UUID> hidden = register.hiddenFrom(actor, request.agency());
		List<Line> lines = new ArrayList<>();
		for (AccessRequest.Item item : request.recordings()) {
			Recording recording = register.find(item.recordingId()).orElse(null);
			if (recording == null || hidden.contains(recording.id())) {
				continue;
			}
			boolean inForce = holder && item.granted() && request.state().granting();
			List<DerivedCopy> copies = derivedCopies.of(recording.id()).stream()
				.filter(copy -> request.number().equals(copy.requestRef()))
				.toList();
			lines.add(new Line(recording.id(), recording.originalName(), recording.recordedAt(), item.granted(),
					inForce && allows(actor, recording, request, AccessMatrix.Use.WATCH),
					inForce && allows(actor, recording, request, AccessMatrix.Use.COPY),
					inForce && allows(actor, recording, request, AccessMatrix.Use.PRINT), copies));
		}
		List<String> asked = new ArrayList<>();
		boolean mayDecide = request.state() == AccessRequest.State.SUBMITTED
				&& !actor.userId().equals(request.requesterUserId());
		for (AccessMatrix.Use use : request.uses()) {
			AccessMatrix.Answer answer = matrix.answer(request.agency(), request.requesterKind(), use, request.lawyer());
			answer.documents().stream().filter(kind -> !asked.contains(kind)).forEach(asked::add);
			mayDecide &= !answer.refused() && (answer.decision().isAllowed() ? actor.has(matrix.registerKeeper(request.agency()))
					: answer.approvers().stream().anyMatch(actor::has));
		}
		List<String> missing = asked.stream()
			.filter(kind -> request.documents().stream().noneMatch(document -> document.kind().equals(kind)))
			.toList();
		boolean keeper = actor.has(matrix.registerKeeper(request.agency()));
		boolean mine = holder || actor.userId().equals(request.requesterUserId());
		return new View(request, lines, history(request),
				accessRegister.search(actor, request.agency(), new AccessRegister.Query(null, null, null, null, null, request.id())),
				request.state() == AccessRequest.State.SUBMITTED && (holder || keeper), mayDecide,
				(mine || keeper) && (request.state() == AccessRequest.State.SUBMITTED || request.state().granting()),
				(holder || keeper) && request.state().granting(), asked, missing);
	}

	private boolean allows(Actor actor, Recording recording, AccessRequest request, AccessMatrix.Use use) {
		return request.uses().contains(use) && grants.basis(actor, recording, use)
			.filter(basis -> request.id().equals(basis.requestId())).isPresent();
	}

	private static List<Step> history(AccessRequest request) {
		List<Step> steps = new ArrayList<>();
		steps.add(new Step(request.enteredAt(), "access.step.entered", request.enteredBy(), request.reason()));
		for (AccessRequest.Document document : request.documents()) {
			steps.add(new Step(document.uploadedAt(), "access.step.document", document.uploadedBy(),
					document.originalName()));
		}
		if (request.decidedAt() != null) {
			AccessRequest.State decided = request.state() == AccessRequest.State.REFUSED ? AccessRequest.State.REFUSED
					: request.recordings().stream().allMatch(AccessRequest.Item::granted) ? AccessRequest.State.APPROVED
							: AccessRequest.State.PARTLY_APPROVED;
			steps.add(new Step(request.decidedAt(), "access.state." + decided.name(), request.decidedBy(),
					request.decisionNote()));
		}
		if (request.closedAt() != null) {
			steps.add(new Step(request.closedAt(), "access.state." + request.state().name(), null, null));
		}
		steps.sort(Comparator.comparing(Step::at));
		return steps;
	}

	/** The list page: what waits for the reader's decision, the requests he may see (of one state, or all), the form. */
	public record ListView(List<AccessRequest> inbox, List<AccessRequest> requests, Form form) {
	}

	@Transactional(readOnly = true)
	public ListView list(Actor actor, String agency, AccessRequest.State state) {
		return new ListView(requests.inbox(actor, agency), requests.list(actor, agency, state), form(actor, agency, List.of()));
	}

	/** A watermarked copy or still for the request, as its page asks for it. */
	public org.custodia.media.DerivedCopy copy(Actor actor, UUID requestId, UUID recordingId, AccessMatrix.Use use,
			Long atMillis) {
		return playback.copyFor(actor, recordingId, requestId, use, atMillis);
	}

	/** The agency's zone, in which the pages show every time. */
	public java.time.ZoneId zone() {
		return clock.getZone();
	}

	/** The form for a new request about these recordings (or none yet: outsiders' requests start from the list). */
	@Transactional(readOnly = true)
	public Form form(Actor actor, String agency, List<UUID> recordingIds) {
		List<Recording> recordings = recordingIds.stream().map(id -> register.visibleTo(actor, id)).toList();
		boolean keeper = actor.has(matrix.registerKeeper(agency));
		List<AccessMatrix.Requester> kinds = List.of(AccessMatrix.Requester.values()).stream()
			.filter(kind -> kind.staff() || keeper)
			.toList();
		// without recordings chosen, a request names a case: all its confirmed recordings
		List<EnforcementCase> cases = recordings.isEmpty() ? activities.cases(actor, agency) : List.of();
		return new Form(recordings, kinds, List.of(AccessMatrix.Use.values()), keeper, cases);
	}
}
