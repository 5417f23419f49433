package org.custodia.fixity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;

import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEvent;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.custodia.shared.KeptBlobs;
import org.custodia.shared.Role;
import org.custodia.storage.StoredCopies;
import org.custodia.storage.StoredCopies.CopyCheck;
import org.custodia.storage.StoredCopies.Outcome;
import org.custodia.storage.StoredCopies.RepairResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the stored copies again: every key a row names and every file the store holds. A copy that
 * differs, is missing or cannot be read is a finding; with repair on it is replaced from a good copy
 * (StoredCopies verifies the good one again first); a key without any good copy is a loss, reported with
 * what was lost; a file no row names is an orphan, only reported. Each finding and repair is a ledger
 * entry in the transaction that records it. One key's failure never stops the sweep.
 */
@Component
class FixitySweeps {

	private static final Logger log = LoggerFactory.getLogger(FixitySweeps.class);

	static final String JOB = "fixity";

	private final StoredCopies copies;

	private final List<KeptBlobs> keepers;

	private final List<KeptBlobs.About> abouts;

	private final FixityRepository rows;

	private final Ledger ledger;

	private final TransactionTemplate transactions;

	private final FixityProperties properties;

	private final Clock clock;

	private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "custodia-fixity");
		thread.setDaemon(true);
		return thread;
	});

	FixitySweeps(StoredCopies copies, List<KeptBlobs> keepers, List<KeptBlobs.About> abouts, FixityRepository rows,
			Ledger ledger, TransactionTemplate transactions, FixityProperties properties, Clock clock) {
		this.copies = copies;
		this.keepers = keepers;
		this.abouts = abouts;
		this.rows = rows;
		this.ledger = ledger;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	static boolean mayRun(Actor actor) {
		return actor.has(Role.CUSTODIAN) || actor.has(Role.ADMINISTRATOR);
	}

	static void requireMayRun(Actor actor) {
		if (!mayRun(actor)) {
			throw CustodiaException.forbidden("error.fixity-forbidden", null);
		}
	}

	boolean repairs() {
		return properties.repair();
	}

	/** Starts a whole sweep now, in the background; returns its id at once. */
	UUID start(Actor actor) {
		requireMayRun(actor);
		UUID id = UUID.randomUUID();
		rows.insertSweep(id, Sweep.Scope.WHOLE, properties.repair(), actor.username(), clock.instant());
		background.submit(() -> run(id, Sweep.Scope.WHOLE, properties.repair()));
		return id;
	}

	/** One whole sweep, here and now (the command line). */
	Sweep runWhole(String startedBy, boolean repair) {
		UUID id = UUID.randomUUID();
		rows.insertSweep(id, Sweep.Scope.WHOLE, repair, startedBy, clock.instant());
		return run(id, Sweep.Scope.WHOLE, repair);
	}

	/** The scheduled run: the slice of keys read longest ago that keeps the whole store read within the period. */
	Sweep runSlice() {
		UUID id = UUID.randomUUID();
		rows.insertSweep(id, Sweep.Scope.SLICE, properties.repair(), "system:" + JOB, clock.instant());
		return run(id, Sweep.Scope.SLICE, properties.repair());
	}

	@PreDestroy
	void stop() {
		background.shutdownNow();
	}

	private final class Tally {

		long keys;

		long bytes;

		long findings;

		long repaired;

		long lost;

		long orphans;
	}

	Sweep run(UUID id, Sweep.Scope scope, boolean repair) {
		Sweep started = rows.sweep(id).orElseThrow();
		Tally tally = new Tally();
		String problem = null;
		try {
			Map<String, List<KeptBlobs.Kept>> named = new HashMap<>();
			for (KeptBlobs keeper : keepers) {
				keeper.forEachKept(kept -> named.computeIfAbsent(kept.key(), key -> new ArrayList<>(1)).add(kept));
			}
			Set<String> all = new TreeSet<>(named.keySet());
			copies.forEachStoredKey(all::add);
			List<String> keys = new ArrayList<>(all);
			if (scope == Sweep.Scope.SLICE) {
				Map<String, Instant> last = rows.lastChecks();
				keys.sort(Comparator.comparing((String key) -> last.getOrDefault(key, Instant.EPOCH)));
				keys = keys.subList(0, properties.slice(keys.size()));
			}
			for (String key : keys) {
				try {
					checkOne(id, key, named.get(key), repair, tally);
				}
				catch (RuntimeException e) {
					log.error("The integrity check of {} failed; the sweep goes on", key, e);
				}
				tally.keys++;
			}
		}
		catch (RuntimeException e) {
			log.error("The integrity sweep {} failed", id, e);
			problem = String.valueOf(e.getMessage());
		}
		Sweep finished = new Sweep(id, scope, repair, started.startedBy(), started.startedAt(), clock.instant(),
				problem == null ? Sweep.State.DONE : Sweep.State.FAILED, tally.keys, tally.bytes, tally.findings,
				tally.repaired, tally.lost, tally.orphans, problem);
		rows.finishSweep(finished);
		return finished;
	}

	private void checkOne(UUID sweep, String key, List<KeptBlobs.Kept> kept, boolean repair, Tally tally) {
		Instant now = clock.instant();
		String keyAgency = key.contains("/") ? key.substring(0, key.indexOf('/')) : null;
		if (kept == null) {
			tally.orphans++;
			tally.findings++;
			List<Finding> open = rows.open(key);
			rows.seenAgain(open, Finding.Kind.ORPHAN, sweep);
			if (open.stream().noneMatch(finding -> finding.kind() == Finding.Kind.ORPHAN)) {
				Finding orphan = new Finding(UUID.randomUUID(), sweep, key, keyAgency, Finding.Kind.ORPHAN, null, null,
						null, null, null, null, null, null, null, now, null);
				transactions.executeWithoutResult(status -> {
					rows.insertFinding(orphan);
					ledger.append(LedgerEvent.bySystem(JOB, keyAgency, "fixity.finding", "blob", key,
							Map.of("kind", Finding.Kind.ORPHAN.name(), "key", key, "sweep", sweep.toString())));
				});
			}
			rows.checked(key, false, now);
			return;
		}
		KeptBlobs.Kept first = kept.get(0);
		String agency = first.agency() != null ? first.agency() : keyAgency;
		String sm3 = kept.stream().map(KeptBlobs.Kept::sm3).filter(Objects::nonNull).findFirst().orElse(null);
		CopyCheck check = copies.check(key, sm3);
		tally.bytes += check.copies().stream().filter(copy -> copy.sha256() != null).mapToLong(StoredCopies.Copy::size).sum();
		if (check.allGood()) {
			closeResolved(key, agency, first);
			rows.checked(key, true, now);
			return;
		}
		tally.findings++;
		List<Finding> open = rows.open(key);
		if (check.anyGood()) {
			RepairResult result = repair ? copies.repair(key) : null;
			if (result != null && result.outcome() == Outcome.NOTHING_TO_REPAIR) {
				// good again by the time of the repair (a copy put back by hand): nothing to record
				tally.findings--;
				closeResolved(key, agency, first);
				rows.checked(key, true, now);
				return;
			}
			if (result != null && result.outcome() == Outcome.NO_GOOD_COPY) {
				lost(sweep, key, agency, kept, result.before(), open, tally, now);
				return;
			}
			boolean repaired = result != null && result.outcome() == Outcome.REPAIRED;
			Finding damaged = finding(sweep, key, agency, Finding.Kind.DAMAGED, check, first,
					result == null ? null : result.outcome().name(), result == null ? null : problem(result), now,
					repaired ? now : null);
			boolean alreadyOpen = open.stream().anyMatch(finding -> finding.kind() == Finding.Kind.DAMAGED);
			if (alreadyOpen && !repaired) {
				rows.seenAgain(open, Finding.Kind.DAMAGED, sweep);
			}
			transactions.executeWithoutResult(status -> {
				if (!alreadyOpen || repaired) {
					rows.insertFinding(damaged);
					ledger.append(LedgerEvent.bySystem(JOB, agency, "fixity.finding", first.subjectType(), first.subjectId(),
							payload(damaged, check)));
				}
				if (repaired) {
					rows.close(key, List.of(Finding.Kind.DAMAGED), Outcome.REPAIRED.name(), now);
					Map<String, Object> done = new LinkedHashMap<>();
					done.put("key", key);
					done.put("finding", damaged.id().toString());
					done.put("replaced", result.repaired().stream().map(Enum::name).collect(Collectors.joining(",")));
					ledger.append(LedgerEvent.bySystem(JOB, agency, "fixity.repaired", first.subjectType(),
							first.subjectId(), done));
				}
			});
			if (repaired) {
				tally.repaired++;
			}
			rows.checked(key, repaired, now);
			return;
		}
		lost(sweep, key, agency, kept, check, open, tally, now);
	}

	private void lost(UUID sweep, String key, String agency, List<KeptBlobs.Kept> kept, CopyCheck check,
			List<Finding> open, Tally tally, Instant now) {
		tally.lost++;
		KeptBlobs.Kept first = kept.get(0);
		rows.seenAgain(open, Finding.Kind.LOST, sweep);
		if (open.stream().noneMatch(finding -> finding.kind() == Finding.Kind.LOST)) {
			Finding lost = finding(sweep, key, agency, Finding.Kind.LOST, check, first, null, null, now, null);
			Map<String, Object> payload = payload(lost, check);
			payload.put("lost", kept.stream().map(row -> row.subjectType() + ":" + row.subjectId()).collect(Collectors.joining(",")));
			about(first).forEach(payload::putIfAbsent);
			transactions.executeWithoutResult(status -> {
				rows.insertFinding(lost);
				ledger.append(LedgerEvent.bySystem(JOB, agency, "fixity.lost", first.subjectType(), first.subjectId(), payload));
			});
			log.error("Every copy of {} ({} {}) is damaged or missing: {}", key, first.subjectType(), first.subjectId(),
					check.copies());
		}
		rows.checked(key, false, now);
	}

	/** What the rows and the other modules know of a lost blob: its file name, its recording's activity. */
	private Map<String, String> about(KeptBlobs.Kept kept) {
		Map<String, String> about = new LinkedHashMap<>(kept.about());
		for (KeptBlobs.About more : abouts) {
			more.about(kept.subjectType(), kept.subjectId()).forEach(about::putIfAbsent);
		}
		about.values().removeIf(Objects::isNull);
		return about;
	}

	private void closeResolved(String key, String agency, KeptBlobs.Kept first) {
		List<Finding> open = rows.open(key);
		if (open.stream().noneMatch(finding -> finding.kind() != Finding.Kind.ORPHAN)) {
			return;
		}
		Instant now = clock.instant();
		transactions.executeWithoutResult(status -> {
			rows.close(key, List.of(Finding.Kind.DAMAGED, Finding.Kind.LOST), null, now);
			ledger.append(LedgerEvent.bySystem(JOB, agency, "fixity.resolved", first.subjectType(), first.subjectId(),
					Map.of("key", key, "findings", open.stream().map(finding -> finding.id().toString())
						.collect(Collectors.joining(",")))));
		});
	}

	private static String problem(RepairResult result) {
		if (result.outcome() != Outcome.FAILED) {
			return null;
		}
		return result.problemKey() + (result.problem() == null ? "" : ": " + result.problem());
	}

	private static Finding finding(UUID sweep, String key, String agency, Finding.Kind kind, CopyCheck check,
			KeptBlobs.Kept first, String repair, String repairProblem, Instant now, Instant closed) {
		StoredCopies.Copy bad = check.copies().stream().filter(copy -> !copy.good()).findFirst().orElse(check.primary());
		String detail = check.copies().stream()
			.filter(copy -> copy.problem() != null)
			.map(copy -> copy.place().name() + ": " + copy.problem())
			.collect(Collectors.joining("; "));
		return new Finding(UUID.randomUUID(), sweep, key, agency, kind, check.primary().state().name(),
				check.second().map(copy -> copy.state().name()).orElse(null), bad.sha256(),
				bad.size() < 0 ? null : bad.size(), detail.isEmpty() ? null : truncate(detail), first.subjectType(),
				first.subjectId(), repair, repairProblem == null ? null : truncate(repairProblem), now, closed);
	}

	private static String truncate(String text) {
		return text.length() > 900 ? text.substring(0, 900) : text;
	}

	private static Map<String, Object> payload(Finding finding, CopyCheck check) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("kind", finding.kind().name());
		payload.put("key", finding.storeKey());
		payload.put("sweep", finding.sweepId().toString());
		payload.put("expectedSha256", check.expectedSha256());
		for (StoredCopies.Copy copy : check.copies()) {
			String place = copy.place().name().toLowerCase(java.util.Locale.ROOT);
			payload.put(place, copy.state().name());
			if (copy.sha256() != null && !copy.good()) {
				payload.put(place + "Sha256", copy.sha256());
			}
			payload.put(place + "Size", copy.size());
		}
		if (finding.repair() != null) {
			payload.put("repair", finding.repair());
		}
		if (finding.repairProblem() != null) {
			payload.put("repairProblem", finding.repairProblem());
		}
		return payload;
	}

}
