package org.custodia.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;

import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEvent;
import org.custodia.shared.Actor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Viewing sessions: the byte ranges a player fetches while someone watches are gathered per user,
 * recording and file, and one ledger entry ({@code recording.viewed}: start, end, bytes served, what
 * the player says was played) is written when the session has been idle for a while, not one per
 * range. A session's line in the access register is written as it opens. A process that stops with sessions
 * open closes them at its next start.
 */
@Component
public class Viewings {

	private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Viewings.class);

	static final int DESCRIBED = 1500;

	/** One open session. */
	static final class Session {

		final UUID id = UUID.randomUUID();

		final Actor actor;

		final Playable playable;

		final Instant started;

		Instant lastSeen;

		final ByteIntervals served = new ByteIntervals();

		int requests;

		String played;

		boolean changed;

		Session(Actor actor, Playable playable, Instant started) {
			this.actor = actor;
			this.playable = playable;
			this.started = started;
			this.lastSeen = started;
		}
	}

	private final Map<String, Session> open = new ConcurrentHashMap<>();

	private final ViewingRepository repository;

	private final Ledger ledger;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Duration idle;

	private final AccessRegister register;

	Viewings(ViewingRepository repository, Ledger ledger, TransactionTemplate transactions, Clock clock,
			@Value("${custodia.access.viewing-idle:PT2M}") Duration idle, AccessRegister register) {
		this.register = register;
		this.repository = repository;
		this.ledger = ledger;
		this.transactions = transactions;
		this.clock = clock;
		this.idle = idle;
	}

	/** Bytes {@code [from, toExclusive)} of the file were sent to the user. */
	public void served(Actor actor, Playable playable, long from, long toExclusive) {
		Session session = sessionOf(actor, playable);
		synchronized (session) {
			session.served.add(from, toExclusive);
			session.requests++;
			session.lastSeen = clock.instant();
			session.changed = true;
		}
	}

	/** What the player reports as played, in seconds ("0.0-12.5,30.0-41.2"), kept with the open session. */
	public void played(Actor actor, Playable playable, String ranges) {
		String cleaned = ranges == null ? "" : ranges.replaceAll("[^0-9.,\\-]", "");
		Session session = sessionOf(actor, playable);
		synchronized (session) {
			session.played = cleaned.length() > DESCRIBED ? cleaned.substring(0, DESCRIBED) : cleaned;
			session.lastSeen = clock.instant();
			session.changed = true;
		}
	}

	private Session sessionOf(Actor actor, Playable playable) {
		String key = actor.username() + "|" + playable.recordingId() + "|" + playable.object();
		return open.computeIfAbsent(key, absent -> {
			Session session = new Session(actor, playable, clock.instant());
			transactions.executeWithoutResult(status -> {
				repository.open(session.id, playable.agency(), playable.recordingId(), playable.object(), actor.username(),
						session.started);
				register.add(playable.agency(), playable.registerAs(), playable.recordingId(), playable.recordingName(),
						actor, playable.basis(), playable.object().equals("original") ? null : UUID.fromString(playable.object()));
			});
			return session;
		});
	}

	/** Saves open sessions' progress and closes those idle long enough, each with its ledger entry. */
	@Scheduled(fixedDelayString = "${custodia.access.viewing-sweep:PT15S}")
	public void sweep() {
		Instant now = clock.instant();
		for (Map.Entry<String, Session> entry : new ArrayList<>(open.entrySet())) {
			Session session = entry.getValue();
			synchronized (session) {
				if (!session.lastSeen.plus(idle).isAfter(now)) {
					close(session);
					open.remove(entry.getKey(), session);
				}
				else if (session.changed) {
					repository.touch(session.id, session.lastSeen, session.served.describe(DESCRIBED), session.requests,
							session.played);
					session.changed = false;
				}
			}
		}
	}

	/** Closes every session now, as the application stops. */
	@PreDestroy
	public void closeAll() {
		try {
			for (Map.Entry<String, Session> entry : new ArrayList<>(open.entrySet())) {
				synchronized (entry.getValue()) {
					close(entry.getValue());
				}
				open.remove(entry.getKey());
			}
		}
		catch (org.springframework.dao.DataAccessException | org.springframework.transaction.TransactionException e) {
			// On the workstation H2 closes its database in its own shutdown hook, which may come first; the
			// sessions are kept in their table and closed at the next start.
			LOG.info("{} viewing sessions left open at shutdown ({}); they are closed at the next start", open.size(),
					e.getMessage());
		}
	}

	private void close(Session session) {
		Playable playable = session.playable;
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("object", playable.object());
		entry.put("sha256", playable.sha256());
		entry.put("started", session.started.toString());
		entry.put("ended", session.lastSeen.toString());
		entry.put("served", session.served.describe(DESCRIBED));
		entry.put("bytes", session.served.total());
		entry.put("size", playable.size());
		entry.put("requests", session.requests);
		if (session.played != null) {
			entry.put("played", session.played);
		}
		transactions.executeWithoutResult(status -> {
			repository.close(session.id, session.lastSeen, session.served.describe(DESCRIBED), session.requests,
					session.played);
			ledger.append(LedgerEvent.by(session.actor, playable.agency(), "recording.viewed", "recording",
					playable.recordingId().toString(), entry));
		});
	}

	/** Sessions a stopped process left open get their entry now, ended when last seen ({@link ViewingRecovery}). */
	void closeLeftOpen() {
		for (ViewingRepository.Left left : repository.leftOpen()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("object", left.object());
			entry.put("user", left.username());
			entry.put("started", left.startedAt().toString());
			entry.put("ended", left.lastSeenAt().toString());
			entry.put("served", left.served());
			entry.put("requests", left.requests());
			entry.put("closed", "at the next start: the server stopped while the session was open");
			if (left.played() != null) {
				entry.put("played", left.played());
			}
			transactions.executeWithoutResult(status -> {
				repository.close(left.id(), left.lastSeenAt(), left.served(), left.requests(), left.played());
				ledger.append(LedgerEvent.bySystem("viewing-recovery", left.agency(), "recording.viewed", "recording",
						left.recordingId().toString(), entry));
			});
		}
	}

	List<String> openKeys() {
		return List.copyOf(open.keySet());
	}
}
