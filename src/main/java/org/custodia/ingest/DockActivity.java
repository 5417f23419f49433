package org.custodia.ingest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.custodia.policy.Action;
import org.custodia.policy.PolicyDecisions;
import org.custodia.shared.Actor;
import org.custodia.shared.Notices;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the dock did lately, kept in memory for the custodians' dock page: each docking with its
 * counts, flagged files and, when refused, the reason. Refusals and failed files of today are also
 * home-page notices, so that nobody walks away from a camera whose footage did not go in.
 */
@Component
class DockActivity implements Notices {

	enum State {
		IMPORTING, DONE, NOTHING_NEW, FAILED, REFUSED
	}

	/** A file stored but worth a look (late, empty, not media), or one skipped (a link). */
	record Flag(String file, Long lateMinutes, String problem) {
	}

	/**
	 * One docking. {@code agency} is null for a volume of no known device, which every custodian sees;
	 * {@code reason} and {@code arguments} are a message key and its arguments.
	 */
	record DockEvent(UUID id, Instant at, String volume, String serial, String agency, String device, State state,
			int files, int stored, int duplicate, int failed, List<Flag> flagged, String reason, List<Object> arguments) {

		DockEvent with(State newState, int newStored, int newDuplicate, int newFailed, List<Flag> newFlagged,
				String newReason, List<Object> newArguments) {
			return new DockEvent(id, at, volume, serial, agency, device, newState, files, newStored, newDuplicate,
					newFailed, List.copyOf(newFlagged), newReason, copy(newArguments));
		}

		boolean needsAttention() {
			return state == State.REFUSED || state == State.FAILED || failed > 0;
		}
	}

	private static final int KEPT = 200;

	private final LinkedList<DockEvent> events = new LinkedList<>();

	private final Clock clock;

	private final MessageSource messages;

	private final PolicyDecisions decisions;

	DockActivity(Clock clock, MessageSource messages, PolicyDecisions decisions) {
		this.decisions = decisions;
		this.clock = clock;
		this.messages = messages;
	}

	DockEvent begin(DockVolumes.Volume volume, String agency, String device, State state, int files, String reason,
			List<Object> arguments) {
		DockEvent event = new DockEvent(UUID.randomUUID(), clock.instant(), volume.name(), volume.serial(), agency, device,
				state, files, 0, 0, 0, List.of(), reason, copy(arguments));
		synchronized (events) {
			events.addFirst(event);
			while (events.size() > KEPT) {
				events.removeLast();
			}
		}
		return event;
	}

	/** Counts a running import's outcomes as they come, so the page shows how far it got. */
	ImportProgress progress(DockEvent event) {
		return new ImportProgress() {
			@Override
			public void finished(RecordingImports.Outcome outcome) {
				synchronized (events) {
					current(event.id()).ifPresent(now -> replace(now.with(now.state(),
							now.stored() + (outcome.result() == ImportResult.STORED ? 1 : 0),
							now.duplicate() + (outcome.result() == ImportResult.DUPLICATE ? 1 : 0),
							now.failed() + (outcome.result() == ImportResult.FAILED ? 1 : 0), now.flagged(), now.reason(),
							now.arguments())));
				}
			}
		};
	}

	private java.util.Optional<DockEvent> current(UUID id) {
		synchronized (events) {
			return events.stream().filter(event -> event.id().equals(id)).findFirst();
		}
	}

	void finish(DockEvent event, List<RecordingImports.Outcome> outcomes) {
		int stored = count(outcomes, ImportResult.STORED);
		int failed = count(outcomes, ImportResult.FAILED);
		List<Flag> flagged = outcomes.stream()
			.filter(outcome -> outcome.result() == ImportResult.SKIPPED
					|| outcome.result() == ImportResult.STORED && (outcome.lateMinutes() != null || outcome.problem() != null))
			.map(outcome -> new Flag(outcome.file(), outcome.lateMinutes(), outcome.problem()))
			.toList();
		List<Object> failedFiles = List.of(String.join("、", outcomes.stream()
			.filter(outcome -> outcome.result() == ImportResult.FAILED)
			.map(RecordingImports.Outcome::file)
			.toList()));
		replace(event.with(failed > 0 ? State.FAILED : State.DONE, stored, count(outcomes, ImportResult.DUPLICATE), failed, flagged,
				failed > 0 ? "dock.failed.files" : null, failed > 0 ? failedFiles : List.of()));
	}

	void fail(DockEvent event, String reason, List<Object> arguments) {
		replace(event.with(State.FAILED, event.stored(), event.duplicate(), event.failed(), event.flagged(), reason, arguments));
	}

	/**
	 * The recent events the actor may see, newest first: those who import for an agency (its {@code import}
	 * permission: the custodians) see their agency's and the unknown volumes'.
	 */
	List<DockEvent> visibleTo(Actor actor) {
		String agency = actor.agency().orElse(null);
		if (agency == null || !decisions.decide(actor, Action.IMPORT, agency).isAllowed()) {
			return List.of();
		}
		synchronized (events) {
			return events.stream().filter(event -> event.agency() == null || event.agency().equals(agency)).toList();
		}
	}

	String reason(DockEvent event, Locale locale) {
		return event.reason() == null ? "" : messages.getMessage(event.reason(), event.arguments().toArray(), locale);
	}

	@Override
	public List<Notice> noticesFor(Actor actor, Locale locale) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
		List<Notice> notices = new ArrayList<>();
		for (DockEvent event : visibleTo(actor)) {
			if (event.needsAttention() && LocalDate.ofInstant(event.at(), clock.getZone()).equals(today)) {
				notices.add(new Notice(messages.getMessage("dock.notice", new Object[] { event.volume(), reason(event, locale) },
						locale), "/dock"));
			}
		}
		return notices.stream().distinct().limit(5).toList();
	}

	private void replace(DockEvent updated) {
		synchronized (events) {
			for (var it = events.listIterator(); it.hasNext();) {
				if (it.next().id().equals(updated.id())) {
					it.set(updated);
					return;
				}
			}
		}
	}

	/** Message arguments may be null (a missing value is shown as such); {@code List.copyOf} refuses nulls. */
	private static List<Object> copy(List<Object> arguments) {
		return java.util.Collections.unmodifiableList(new ArrayList<>(arguments));
	}

	private static int count(List<RecordingImports.Outcome> outcomes, ImportResult result) {
		return (int) outcomes.stream().filter(outcome -> outcome.result() == result).count();
	}
}
