package org.custodia.ingest;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.custodia.policy.Action;
import org.custodia.policy.PolicyDecisions;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.springframework.stereotype.Component;

/** What the dock page and its JSON show: the watched roots and the recent dockings of the custodian's agency. */
@Component
public class DockOverview {

	/** A docking as the custodian reads it, with the refusal or failure already in the reader's language. */
	public record EventView(Instant at, String localTime, String volume, String serial, String agency, String device, String state, int files,
			int stored, int duplicate, int failed, List<DockActivity.Flag> flagged, String reason) {
	}

	public record DockView(boolean watching, List<String> roots, List<EventView> events) {
	}

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final DockProperties properties;

	private final DockActivity activity;

	private final PolicyDecisions decisions;

	private final Clock clock;

	DockOverview(DockProperties properties, DockActivity activity, PolicyDecisions decisions, Clock clock) {
		this.clock = clock;
		this.properties = properties;
		this.activity = activity;
		this.decisions = decisions;
	}

	/** Only an agency's custodians: the events name their devices, and the import is their duty (REC-1). */
	public DockView view(Actor actor, Locale locale) {
		String agency = actor.agency().orElseThrow(() -> CustodiaException.forbidden("error.dock-custodians-only", null));
		decisions.decide(actor, Action.IMPORT, agency).orThrow();
		List<EventView> events = activity.visibleTo(actor).stream()
			.map(event -> new EventView(event.at(), TIME.format(event.at().atZone(clock.getZone())), event.volume(), event.serial(), event.agency(), event.device(),
					event.state().name(), event.files(), event.stored(), event.duplicate(), event.failed(), event.flagged(),
					activity.reason(event, locale)))
			.toList();
		return new DockView(properties.watching(), properties.roots().stream().map(Path::toString).toList(), events);
	}
}
