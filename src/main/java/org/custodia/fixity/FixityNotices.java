package org.custodia.fixity;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.custodia.shared.Actor;
import org.custodia.shared.Notices;
import org.custodia.storage.StoredCopies;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * On the home page of the custodian and the administrator: the store's risk without a second copy (as long
 * as there is none), copies found damaged and not repaired, copies repaired lately, and in red the originals
 * of which no good copy is left.
 */
@Component
class FixityNotices implements Notices {

	static final Duration REPAIRED_LATELY = Duration.ofDays(7);

	private final StoredCopies copies;

	private final FixityRepository rows;

	private final MessageSource messages;

	private final Clock clock;

	FixityNotices(StoredCopies copies, FixityRepository rows, MessageSource messages, Clock clock) {
		this.copies = copies;
		this.rows = rows;
		this.messages = messages;
		this.clock = clock;
	}

	private static String scope(Actor actor) {
		return actor.isInstallationAdministrator() ? null : actor.agency().orElse(null);
	}

	@Override
	public List<Notice> noticesFor(Actor actor, Locale locale) {
		if (!FixitySweeps.mayRun(actor)) {
			return List.of();
		}
		List<Notice> notices = new ArrayList<>();
		if (!copies.hasSecondCopy()) {
			notices.add(new Notice(messages.getMessage("fixity.notice.no-second-copy", null, locale), "/fixity"));
		}
		String agency = scope(actor);
		long damaged = rows.countOpen(agency, Finding.Kind.DAMAGED);
		if (damaged > 0) {
			notices.add(new Notice(messages.getMessage("fixity.notice.damaged", new Object[] { damaged }, locale), "/fixity"));
		}
		long repaired = rows.countRepairedSince(agency, clock.instant().minus(REPAIRED_LATELY));
		if (repaired > 0) {
			notices.add(new Notice(messages.getMessage("fixity.notice.repaired", new Object[] { repaired }, locale), "/fixity"));
		}
		return notices;
	}

	@Override
	public List<Notice> alertsFor(Actor actor, Locale locale) {
		if (!FixitySweeps.mayRun(actor)) {
			return List.of();
		}
		long lost = rows.countOpen(scope(actor), Finding.Kind.LOST);
		return lost == 0 ? List.of()
				: List.of(new Notice(messages.getMessage("fixity.alert.lost", new Object[] { lost }, locale), "/fixity"));
	}
}
