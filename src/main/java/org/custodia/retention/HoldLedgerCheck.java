package org.custodia.retention;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.custodia.ledger.Disagreement;
import org.custodia.ledger.LedgerEntry;
import org.custodia.ledger.RegisterCheck;
import org.springframework.stereotype.Component;

/**
 * Holds against the ledger: what each holds and why, and whether it was released. A hold released behind the ledger
 * (which would let a held recording be disposed of) shows here.
 */
@Component
class HoldLedgerCheck implements RegisterCheck {

	static final String TABLE = "retention_hold";

	private final HoldRepository holds;

	HoldLedgerCheck(HoldRepository holds) {
		this.holds = holds;
	}

	@Override
	public String created() {
		return "retention.hold-placed";
	}

	@Override
	public Set<String> amended() {
		return Set.of("retention.hold-released");
	}

	@Override
	public String table() {
		return TABLE;
	}

	@Override
	public long rows() {
		return holds.count();
	}

	@Override
	public Stream<Disagreement> check(Map<String, List<LedgerEntry>> entries) {
		Map<UUID, Hold> rows = holds.byIds(entries.keySet().stream().map(UUID::fromString).toList());
		List<Disagreement> found = new ArrayList<>();
		entries.forEach((id, about) -> {
			LedgerEntry placed = about.get(0);
			Hold row = rows.get(UUID.fromString(id));
			if (row == null) {
				found.add(Disagreement.missing(TABLE, id, placed.sequence()));
				return;
			}
			Map<String, Object> stated = placed.payload();
			long at = placed.sequence();
			boolean released = about.stream().anyMatch(entry -> entry.action().equals("retention.hold-released"));
			long last = about.get(about.size() - 1).sequence();
			Stream.of(Disagreement.stated(TABLE, id, "subject", stated, "subject", row.subjectType().name(), at),
					Disagreement.stated(TABLE, id, "subjectId", stated, "subjectId", row.subjectId(), at),
					Disagreement.stated(TABLE, id, "kind", stated, "kind", row.kind().name(), at),
					Disagreement.stated(TABLE, id, "reason", stated, "reason", row.reason(), at),
					Disagreement.compare(TABLE, id, "agency", placed.agency(), row.agency(), at),
					Disagreement.compare(TABLE, id, "released", released, !row.standing(), last))
				.flatMap(Optional::stream)
				.forEach(found::add);
		});
		return found.stream();
	}
}
