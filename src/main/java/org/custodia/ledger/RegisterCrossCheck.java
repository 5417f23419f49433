package org.custodia.ledger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Gives each {@link RegisterCheck} the entries that created its rows, a page at a time as the log is
 * read, with the entries that amended those rows fetched by subject; then compares the number of rows
 * created with the number the register holds.
 */
final class RegisterCrossCheck {

	static final int PAGE = 500;

	private final JdbcClient jdbc;

	private final Map<String, List<RegisterCheck>> byAction = new HashMap<>();

	private final Map<RegisterCheck, List<LedgerEntry>> pending = new LinkedHashMap<>();

	private final Map<RegisterCheck, Long> created = new HashMap<>();

	private final List<Disagreement> disagreements = new ArrayList<>();

	private long found;

	RegisterCrossCheck(JdbcClient jdbc, List<RegisterCheck> checks) {
		this.jdbc = jdbc;
		for (RegisterCheck check : checks) {
			byAction.computeIfAbsent(check.created(), action -> new ArrayList<>()).add(check);
			pending.put(check, new ArrayList<>());
			created.put(check, 0L);
		}
	}

	/** One entry of the log, in order. */
	void entry(LedgerEntry entry) {
		List<RegisterCheck> checks = byAction.get(entry.action());
		if (checks == null) {
			return;
		}
		for (RegisterCheck check : checks) {
			List<LedgerEntry> page = pending.get(check);
			page.add(entry);
			created.merge(check, 1L, Long::sum);
			if (page.size() >= PAGE) {
				flush(check);
			}
		}
	}

	/** What the checks found, the first {@link LedgerVerifier#MAXIMUM_FINDINGS}; {@link #found()} counts all. */
	List<Disagreement> finish() {
		for (RegisterCheck check : pending.keySet()) {
			flush(check);
			long rows = check.rows();
			if (rows != created.get(check)) {
				add(new Disagreement(check.table(), "*", "rows", Long.toString(created.get(check)), Long.toString(rows), -1));
			}
		}
		return disagreements;
	}

	long found() {
		return found;
	}

	private void flush(RegisterCheck check) {
		List<LedgerEntry> page = pending.get(check);
		if (page.isEmpty()) {
			return;
		}
		Map<String, List<LedgerEntry>> bySubject = new LinkedHashMap<>();
		page.forEach(entry -> bySubject.computeIfAbsent(entry.subjectId(), id -> new ArrayList<>()).add(entry));
		if (!check.amended().isEmpty()) {
			amendments(check, page).forEach(entry -> {
				List<LedgerEntry> entries = bySubject.get(entry.subjectId());
				if (entries != null) {
					entries.add(entry);
				}
			});
			bySubject.values().forEach(entries -> entries.sort(Comparator.comparingLong(LedgerEntry::sequence)));
		}
		check.check(bySubject).forEach(this::add);
		page.clear();
	}

	/** The amending entries about the page's subjects, each looked up in the agency its creating entry names. */
	private List<LedgerEntry> amendments(RegisterCheck check, List<LedgerEntry> page) {
		Map<String, List<String>> byAgency = new HashMap<>();
		page.stream()
			.filter(entry -> entry.agency() != null)
			.forEach(entry -> byAgency.computeIfAbsent(entry.agency(), agency -> new ArrayList<>()).add(entry.subjectId()));
		List<LedgerEntry> amendments = new ArrayList<>();
		byAgency.forEach((agency, ids) -> amendments.addAll(jdbc.sql("""
				select seq, occurred_at, agency, actor, actor_roles, action, subject_type, subject_id, payload, entry,
				       leaf_hash
				from ledger_entry where agency = :agency and subject_id in (:ids) and action in (:actions)""")
			.param("agency", agency)
			.param("ids", ids)
			.param("actions", check.amended())
			.query(Ledger::entry)
			.list()));
		return amendments;
	}

	private void add(Disagreement disagreement) {
		found++;
		if (disagreements.size() < LedgerVerifier.MAXIMUM_FINDINGS) {
			disagreements.add(disagreement);
		}
	}
}
