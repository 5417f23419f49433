package org.custodia.access;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.custodia.recording.Recording;
import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEvent;
import org.custodia.policy.Action;
import org.custodia.policy.PolicyDecisions;
import org.custodia.shared.Actor;
import org.custodia.shared.Notices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Raises the alarm when a recording's file is not in the store (a disk not mounted, a file lost):
 * once per recording, a ledger entry and a notice on the home page of those the agency's
 * {@code see-missing-originals} permission names (custodians, legal heads and supervisors). The user
 * who asked is told plainly, not with a server error.
 */
@Component
class MissingOriginals implements Notices {

	private static final Logger log = LoggerFactory.getLogger(MissingOriginals.class);

	private final Map<UUID, Recording> missing = new ConcurrentHashMap<>();

	private final Ledger ledger;

	private final TransactionTemplate transactions;

	private final MessageSource messages;

	private final PolicyDecisions decisions;

	MissingOriginals(Ledger ledger, TransactionTemplate transactions, MessageSource messages, PolicyDecisions decisions) {
		this.decisions = decisions;
		this.ledger = ledger;
		this.transactions = transactions;
		this.messages = messages;
	}

	void report(Actor actor, Recording recording, String object) {
		if (missing.putIfAbsent(recording.id(), recording) != null) {
			return;
		}
		log.error("The store has no file for recording {} ({}, key {})", recording.id(), object, recording.blobKey());
		transactions.executeWithoutResult(status -> ledger.append(LedgerEvent.by(actor, recording.agency(),
				"recording.file-missing", "recording", recording.id().toString(),
				Map.of("object", object, "key", recording.blobKey(), "sha256", recording.sha256()))));
	}

	@Override
	public List<Notice> noticesFor(Actor actor, Locale locale) {
		String agency = actor.agency().orElse(null);
		if (agency == null || !decisions.decide(actor, Action.SEE_MISSING_ORIGINALS, agency).isAllowed()) {
			return List.of();
		}
		return missing.values()
			.stream()
			.filter(recording -> agency.equals(recording.agency()))
			.map(recording -> new Notice(messages.getMessage("notice.file-missing",
					new Object[] { recording.originalName(), recording.sha256().substring(0, 12) }, locale),
					"/recordings/" + recording.id()))
			.toList();
	}

	Set<UUID> reported() {
		return Set.copyOf(missing.keySet());
	}
}
