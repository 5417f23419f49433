package org.custodia.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEvent;
import org.custodia.media.DerivedCopies;
import org.custodia.media.DerivedCopy;
import org.custodia.policy.Action;
import org.custodia.policy.Decision;
import org.custodia.policy.Policies;
import org.custodia.policy.PolicyDecisions;
import org.custodia.recording.Recording;
import org.custodia.recording.RecordingRegister;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.custodia.shared.Role;
import org.custodia.storage.BlobRemoval;
import org.custodia.storage.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Approved disposal (RET-1). The custodian the policy's {@code dispose} grant names sees the agency's expired
 * recordings (keep-until passed, no hold, not kept without end) and proposes a list with the reason they have no value
 * left; the approver the grant names, never the proposer, approves it or strikes items with a note; the approved list
 * waits the agency's waiting period (cancellable by its proposer or approver), then the job carries it out: in one transaction each
 * recording still expired and unheld is marked disposed (its row stays as the tombstone) with its derived copies and a
 * {@code retention.disposed} ledger entry; after the commit their files are removed through {@link BlobRemoval}, which
 * asks {@link DisposalWarrants} about each key. Removals a crash interrupted are finished at start-up and in each run.
 */
@Component
public class Disposals {

	private static final Logger log = LoggerFactory.getLogger(Disposals.class);


	public static final String WAIT_CITE = "custodia: an approved disposal is carried out after the waiting period its agency sets (seven days in the shipped policies); until then its proposer or approver may cancel it (not stated in the regulation)";

	public static final String NOT_THE_PROPOSER = "custodia: a disposal is approved by another person than its proposer (separation of duties)";

	static final String JOB = "disposal";

	/** How many of an agency's recordings the expired list looks through. */
	static final int SCAN = 10_000;

	/** A recording that may be proposed, with its keeping. */
	public record Expired(Recording recording, Retention.Keeping keeping) {
	}

	/** A proposal: the recordings and why they have no value left. */
	public record NewDisposal(List<UUID> recordingIds, String reason) {
	}

	/** The approver's decision: the items struck, with the note that says why (required when any is struck). */
	public record Approval(List<UUID> struck, String note) {
	}

	private final Retention retention;

	private final RecordingRegister register;

	private final DerivedCopies derived;

	private final PolicyDecisions decisions;

	private final Policies policies;

	private final DisposalRepository disposals;

	private final BlobRemoval removal;

	private final DisposalWarrants warrants;

	private final Ledger ledger;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Map<String, Object> numbering = new ConcurrentHashMap<>();

	/** Told after a disposal's transaction committed and before its files are removed: tests crash here. */
	private volatile Consumer<UUID> afterCommit = id -> {
	};

	Disposals(Retention retention, RecordingRegister register, DerivedCopies derived, PolicyDecisions decisions,
			Policies policies, DisposalRepository disposals, BlobRemoval removal, DisposalWarrants warrants, Ledger ledger,
			TransactionTemplate transactions, Clock clock) {
		this.retention = retention;
		this.register = register;
		this.derived = derived;
		this.decisions = decisions;
		this.policies = policies;
		this.disposals = disposals;
		this.removal = removal;
		this.warrants = warrants;
		this.ledger = ledger;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Told at the end of a disposal's transaction, before it commits: tests fail here. */
	private volatile Consumer<UUID> beforeCommit = id -> {
	};

	void beforeCommit(Consumer<UUID> hook) {
		this.beforeCommit = hook == null ? id -> {
		} : hook;
	}

	void afterCommit(Consumer<UUID> hook) {
		this.afterCommit = hook == null ? id -> {
		} : hook;
	}

	/** The dispose decision for the actor: allowed once approved, or refused with its rule (a period not set, …). */
	public Decision decision(Actor actor, String agency) {
		return decisions.decide(actor, Action.DISPOSE, agency);
	}

	/** Whether the actor may propose disposals in the agency (the custodian the policy names). */
	public boolean mayPropose(Actor actor, String agency) {
		Decision decision = decision(actor, agency);
		return decision.outcome() != Decision.Outcome.REFUSED;
	}

	/** How long the agency's approved disposals wait, cancellable, before they are carried out. */
	public Duration waitPeriod(String agency) {
		return policies.of(agency).retention().disposal().waitPeriod();
	}

	/** Whether the actor holds a role that approves disposals in the agency. */
	public boolean mayApprove(Actor actor, String agency) {
		return actor.agency().map(agency::equals).orElse(false)
				&& approverRoles(agency).stream().anyMatch(code -> actor.has(Role.fromCode(code)));
	}

	/** The agency's recordings whose keep-until has passed, unheld and on no open disposal: what may be proposed. */
	public List<Expired> expired(Actor actor) {
		String agency = own(actor);
		proposer(actor, agency);
		return transactions.execute(status -> {
			Instant now = clock.instant();
			List<Recording> kept = new ArrayList<>();
			for (RecordingRegister.Page page = register.page(actor, agency, null, null, null, null, null, 500);;
					page = register.page(actor, agency, null, null, null, null, page.next(), 500)) {
				page.items().stream().filter(recording -> !recording.disposed()).forEach(kept::add);
				if (page.next() == null || kept.size() >= SCAN) {
					break;
				}
			}
			Set<UUID> open = disposals.onOpenDisposal(kept.stream().map(Recording::id).toList());
			List<Expired> expired = new ArrayList<>();
			for (Recording recording : kept) {
				if (open.contains(recording.id())) {
					continue;
				}
				Retention.Keeping keeping = retention.of(recording);
				if (keeping.expiredAt(now) && keeping.holds().isEmpty()) {
					expired.add(new Expired(recording, keeping));
				}
			}
			expired.sort(java.util.Comparator.comparing((Expired e) -> e.keeping().keepUntil()));
			return expired;
		});
	}

	/** Proposes the recordings for disposal, with the reason; each must be expired, unheld and on no open disposal. */
	public Disposal propose(Actor actor, NewDisposal asked) {
		String agency = own(actor);
		Object lock = numbering.computeIfAbsent(agency, code -> new Object());
		synchronized (lock) {
			return transactions.execute(status -> proposeOnce(actor, agency, asked));
		}
	}

	private Disposal proposeOnce(Actor actor, String agency, NewDisposal asked) {
		List<String> approvers = proposer(actor, agency);
		String reason = asked.reason() == null ? "" : asked.reason().strip();
		if (policies.of(agency).retention().disposal().onlyWithoutValue() && reason.isEmpty() || reason.length() > 2000) {
			throw CustodiaException.badRequest("error.disposal-reason");
		}
		List<UUID> ids = asked.recordingIds() == null ? List.of()
				: new ArrayList<>(new LinkedHashSet<>(asked.recordingIds().stream().filter(Objects::nonNull).toList()));
		if (ids.isEmpty() || ids.size() > 1000) {
			throw CustodiaException.badRequest("error.disposal-empty");
		}
		Instant now = clock.instant();
		Set<UUID> open = disposals.onOpenDisposal(ids);
		List<Disposal.Item> items = new ArrayList<>();
		for (UUID id : ids) {
			Recording recording = register.visibleTo(actor, id, Action.SEE_RECORDINGS);
			if (recording.disposed() || open.contains(id)) {
				throw CustodiaException.conflict("error.disposal-recording-taken", recording.originalName());
			}
			Retention.Keeping keeping = disposable(recording, now);
			items.add(new Disposal.Item(id, items.size() + 1, keeping.keepUntil(), keeping.rule().name(), keeping.cite(),
					false, null, null, null, recording.blobKey(), recording.sha256(), recording.size()));
		}
		String cite = policies.of(agency).retention().disposal().cite();
		Disposal disposal = new Disposal(UUID.randomUUID(), agency,
				disposals.nextNumber(agency, LocalDate.ofInstant(now, clock.getZone()).getYear()), Disposal.State.PROPOSED,
				reason, String.join(" | ", approvers), cite, actor.username(), now, null, null, null, null, null, null, null,
				null, null, null, items);
		disposals.insert(disposal);
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("number", disposal.number());
		entry.put("reason", reason);
		entry.put("approvers", disposal.approvers());
		entry.put("recordings", ids.stream().map(UUID::toString).toList());
		entry.put("cite", cite);
		ledger.append(LedgerEvent.by(actor, agency, "retention.disposal-proposed", "disposal", disposal.id().toString(),
				entry));
		return disposals.find(disposal.id()).orElseThrow();
	}

	/**
	 * The approver decides: approves the list, striking the items given with the note; a list with every item struck
	 * is rejected. Never the proposer; every item left must still be expired and unheld.
	 */
	public Disposal approve(Actor actor, UUID id, Approval approval) {
		return transactions.execute(status -> {
			Disposal disposal = visible(actor, id);
			if (disposal.state() != Disposal.State.PROPOSED) {
				throw CustodiaException.conflict("error.disposal-decided", disposal.number());
			}
			if (actor.username().equals(disposal.proposedBy())) {
				throw CustodiaException.forbidden("rule.disposal-not-own", NOT_THE_PROPOSER, disposal.number());
			}
			if (!mayApprove(actor, disposal.agency())
					|| java.util.Arrays.stream(disposal.approvers().split(" \\| ")).noneMatch(code -> actor.has(Role.fromCode(code)))) {
				throw CustodiaException.forbidden("rule.needs-approval", disposal.cite(), String.join("|",
						java.util.Arrays.stream(disposal.approvers().split(" \\| ")).map(code -> "role." + code).toList()));
			}
			Set<UUID> struck = new HashSet<>(approval == null || approval.struck() == null ? List.of()
					: approval.struck().stream().filter(Objects::nonNull).toList());
			String note = approval == null || approval.note() == null ? "" : approval.note().strip();
			if (!struck.isEmpty() && note.isEmpty() || note.length() > 2000) {
				throw CustodiaException.badRequest("error.disposal-strike-note");
			}
			Set<UUID> listed = new HashSet<>(disposal.items().stream().map(Disposal.Item::recordingId).toList());
			if (!listed.containsAll(struck)) {
				throw CustodiaException.badRequest("error.disposal-strike-unknown");
			}
			Instant now = clock.instant();
			for (Disposal.Item item : disposal.items()) {
				if (!struck.contains(item.recordingId())) {
					disposable(register.find(item.recordingId()).orElseThrow(), now);
				}
			}
			boolean rejected = struck.size() == listed.size();
			Instant waitUntil = rejected ? null : now.plus(waitPeriod(disposal.agency()));
			Disposal.State state = rejected ? Disposal.State.REJECTED : Disposal.State.APPROVED;
			if (!disposals.decided(id, state, actor.username(), now, note.isEmpty() ? null : note, waitUntil,
					rejected ? null : WAIT_CITE)) {
				throw CustodiaException.conflict("error.disposal-decided", disposal.number());
			}
			struck.forEach(recording -> disposals.struck(id, recording, note));
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("number", disposal.number());
			entry.put("struck", struck.stream().map(UUID::toString).sorted().toList());
			entry.put("note", note);
			if (waitUntil != null) {
				entry.put("waitUntil", waitUntil.toString());
			}
			ledger.append(LedgerEvent.by(actor, disposal.agency(),
					rejected ? "retention.disposal-rejected" : "retention.disposal-approved", "disposal", id.toString(), entry));
			return disposals.find(id).orElseThrow();
		});
	}

	/** Its proposer or its approver cancels a disposal not yet carried out, with the reason. */
	public Disposal cancel(Actor actor, UUID id, String reason) {
		return transactions.execute(status -> {
			Disposal disposal = visible(actor, id);
			if (!disposal.state().open()) {
				throw CustodiaException.conflict("error.disposal-closed", disposal.number());
			}
			boolean approverOf = disposal.decidedBy() == null ? mayApprove(actor, disposal.agency())
					: actor.username().equals(disposal.decidedBy());
			if (!actor.username().equals(disposal.proposedBy()) && !approverOf) {
				throw CustodiaException.forbidden("rule.disposal-cancel", WAIT_CITE, disposal.number());
			}
			String why = reason == null ? "" : reason.strip();
			if (why.isEmpty() || why.length() > 2000) {
				throw CustodiaException.badRequest("error.disposal-cancel-reason");
			}
			if (!disposals.cancelled(id, actor.username(), clock.instant(), why)) {
				throw CustodiaException.conflict("error.disposal-closed", disposal.number());
			}
			ledger.append(LedgerEvent.by(actor, disposal.agency(), "retention.disposal-cancelled", "disposal", id.toString(),
					Map.of("number", disposal.number(), "reason", why)));
			return disposals.find(id).orElseThrow();
		});
	}

	/** The agency's disposals, newest first, for its users who may see its recordings. */
	public List<Disposal> list(Actor actor) {
		String agency = own(actor);
		decisions.decide(actor, Action.SEE_RECORDINGS, agency).orThrow();
		return transactions.execute(status -> disposals.of(agency));
	}

	/** One disposal of the actor's agency. */
	public Disposal get(Actor actor, UUID id) {
		return transactions.execute(status -> visible(actor, id));
	}

	/**
	 * Carries out every approved disposal whose wait has passed, then finishes removals left by a crash; returns how
	 * many disposals were carried out.
	 */
	public int executeDue() {
		finishRemovals();
		int done = 0;
		for (UUID id : transactions.execute(status -> disposals.due(clock.instant()))) {
			if (execute(id)) {
				done++;
			}
		}
		return done;
	}

	/** Removes the files of carried-out disposals that a crash left in the store (idempotent); returns how many were finished. */
	public int finishRemovals() {
		int finished = 0;
		for (UUID id : transactions.execute(status -> disposals.filesLeft())) {
			if (removeFiles(id)) {
				finished++;
			}
		}
		return finished;
	}

	private boolean execute(UUID id) {
		Boolean executed = transactions.execute(status -> executeOnce(id));
		if (!Boolean.TRUE.equals(executed)) {
			return false;
		}
		afterCommit.accept(id);
		removeFiles(id);
		return true;
	}

	private boolean executeOnce(UUID id) {
		Instant now = clock.instant();
		Disposal disposal = disposals.find(id).orElseThrow();
		if (!disposals.claimed(id, now)) {
			return false;
		}
		int disposed = 0;
		int kept = 0;
		for (Disposal.Item item : disposal.approvedItems()) {
			Recording recording = register.find(item.recordingId()).orElseThrow();
			Retention.Keeping keeping = retention.of(recording);
			String keptBecause = !keeping.holds().isEmpty() ? "held" : !keeping.expiredAt(now) ? "not-expired"
					: recording.disposed() ? "disposed-already" : null;
			if (keptBecause != null) {
				disposals.outcome(id, item.recordingId(), Disposal.Outcome.KEPT, keptBecause);
				kept++;
				continue;
			}
			register.markDisposed(recording.id(), id, now);
			List<DerivedCopy> copies = derived.disposeWith(recording.id(), id, now);
			List<String> copyKeys = new ArrayList<>();
			for (DerivedCopy copy : copies) {
				if (copy.storeKey() != null) {
					disposals.copy(new DisposalRepository.Copy(id, recording.id(), copy.id(), copy.kind().name(),
							copy.storeKey(), copy.sha256(), copy.size()));
					copyKeys.add(copy.storeKey());
				}
			}
			disposals.outcome(id, item.recordingId(), Disposal.Outcome.DISPOSED, null);
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("disposal", disposal.number());
			entry.put("sha256", recording.sha256());
			entry.put("size", recording.size());
			entry.put("key", recording.blobKey());
			entry.put("keepUntil", String.valueOf(item.keepUntil()));
			entry.put("rule", item.rule());
			entry.put("cite", item.cite());
			entry.put("proposedBy", disposal.proposedBy());
			entry.put("approvedBy", disposal.decidedBy());
			entry.put("copies", copyKeys);
			ledger.append(LedgerEvent.bySystem(JOB, disposal.agency(), "retention.disposed", "recording",
					recording.id().toString(), entry));
			disposed++;
		}
		ledger.append(LedgerEvent.bySystem(JOB, disposal.agency(), "retention.disposal-executed", "disposal",
				id.toString(), Map.of("number", disposal.number(), "disposed", disposed, "kept", kept)));
		beforeCommit.accept(id);
		return true;
	}

	/** Removes the files of a carried-out disposal; true once none is left and that is recorded. */
	private boolean removeFiles(UUID id) {
		Disposal disposal = transactions.execute(status -> disposals.find(id).orElseThrow());
		List<String> keys = new ArrayList<>();
		disposal.items().stream().filter(item -> item.outcome() == Disposal.Outcome.DISPOSED)
			.forEach(item -> keys.add(item.blobKey()));
		List<DisposalRepository.Copy> copies = transactions.execute(status -> disposals.copies(id));
		copies.forEach(copy -> keys.add(copy.storeKey()));
		int removed = 0;
		int shared = 0;
		boolean left = false;
		for (String key : new LinkedHashSet<>(keys)) {
			if (transactions.execute(status -> warrants.keptElsewhere(key))) {
				// the same bytes are stored once: a recording or copy still kept names this file, so it stays
				shared++;
				continue;
			}
			try {
				if (removal.remove(key, warrants)) {
					removed++;
				}
			}
			catch (StorageException e) {
				left = true;
				log.warn("Disposal {} of {}: {} was not removed ({})", disposal.number(), disposal.agency(), key,
						e.messageKey());
			}
		}
		if (left) {
			return false;
		}
		int count = removed;
		int sharedCount = shared;
		return Boolean.TRUE.equals(transactions.execute(status -> {
			if (!disposals.filesRemoved(id, clock.instant())) {
				return false;
			}
			ledger.append(LedgerEvent.bySystem(JOB, disposal.agency(), "retention.files-removed", "disposal", id.toString(),
					Map.of("number", disposal.number(), "files", keys.size(), "removedNow", count, "keptShared", sharedCount)));
			return true;
		}));
	}

	/** The recording's keeping, when it may be disposed of now: expired and unheld (409 naming it otherwise). */
	private Retention.Keeping disposable(Recording recording, Instant now) {
		Retention.Keeping keeping = retention.of(recording);
		if (!keeping.holds().isEmpty()) {
			throw CustodiaException.conflict("error.disposal-held", recording.originalName());
		}
		if (!keeping.expiredAt(now)) {
			throw CustodiaException.refused("error.disposal-not-expired", keeping.cite(), recording.originalName());
		}
		return keeping;
	}

	/** The approver roles when the actor may propose; refused (403 with the rule) otherwise. */
	private List<String> proposer(Actor actor, String agency) {
		Decision decision = decision(actor, agency);
		if (decision.outcome() == Decision.Outcome.REFUSED) {
			decision.orThrow();
		}
		List<String> approvers = decision.outcome() == Decision.Outcome.NEEDS_APPROVAL
				? decision.approvers().stream().map(Role::code).toList() : approverRoles(agency);
		if (approvers.isEmpty()) {
			throw CustodiaException.forbidden("rule.disposal-no-approver", decision.citation());
		}
		return approvers;
	}

	/** The roles the policy's dispose grants name as approvers. */
	private List<String> approverRoles(String agency) {
		Set<String> roles = new LinkedHashSet<>();
		for (Role role : Role.values()) {
			Decision decision = decisions.decideFor(agency, Set.of(role), Action.DISPOSE);
			if (decision.outcome() == Decision.Outcome.NEEDS_APPROVAL) {
				decision.approvers().forEach(approver -> roles.add(approver.code()));
			}
		}
		return List.copyOf(roles);
	}

	private Disposal visible(Actor actor, UUID id) {
		return disposals.find(id).filter(found -> actor.agency().map(found.agency()::equals).orElse(false))
			.orElseThrow(() -> CustodiaException.notFound("error.disposal-not-found", id));
	}

	private static String own(Actor actor) {
		return actor.agency().orElseThrow(() -> CustodiaException.forbidden("rule.administrator-no-footage",
				PolicyDecisions.SEPARATION_OF_DUTIES));
	}
}
