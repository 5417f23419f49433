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
 * Disposals against the ledger: number, reason and recordings as proposed, the state the last entry left them in, and
 * how many recordings were disposed of. A disposal approved, cancelled or carried out behind the ledger shows here.
 */
@Component
class DisposalLedgerCheck implements RegisterCheck {

	static final String TABLE = "retention_disposal";

	private static final Map<String, Disposal.State> STATES = Map.of("retention.disposal-approved", Disposal.State.APPROVED,
			"retention.disposal-rejected", Disposal.State.REJECTED, "retention.disposal-cancelled", Disposal.State.CANCELLED,
			"retention.disposal-executed", Disposal.State.EXECUTED);

	private final DisposalRepository disposals;

	DisposalLedgerCheck(DisposalRepository disposals) {
		this.disposals = disposals;
	}

	@Override
	public String created() {
		return "retention.disposal-proposed";
	}

	@Override
	public Set<String> amended() {
		return Set.of("retention.disposal-approved", "retention.disposal-rejected", "retention.disposal-cancelled",
				"retention.disposal-executed", "retention.files-removed");
	}

	@Override
	public String table() {
		return TABLE;
	}

	@Override
	public long rows() {
		return disposals.count();
	}

	@Override
	public Stream<Disagreement> check(Map<String, List<LedgerEntry>> entries) {
		Map<UUID, Disposal> rows = disposals.byIds(entries.keySet().stream().map(UUID::fromString).toList());
		List<Disagreement> found = new ArrayList<>();
		entries.forEach((id, about) -> {
			LedgerEntry proposed = about.get(0);
			Disposal row = rows.get(UUID.fromString(id));
			if (row == null) {
				found.add(Disagreement.missing(TABLE, id, proposed.sequence()));
				return;
			}
			Map<String, Object> stated = proposed.payload();
			long at = proposed.sequence();
			Disposal.State state = Disposal.State.PROPOSED;
			long stateAt = at;
			Object disposed = null;
			long disposedAt = at;
			for (LedgerEntry entry : about) {
				if (STATES.containsKey(entry.action())) {
					state = STATES.get(entry.action());
					stateAt = entry.sequence();
				}
				if (entry.action().equals("retention.disposal-executed")) {
					disposed = entry.payload().get("disposed");
					disposedAt = entry.sequence();
				}
			}
			long disposedRows = row.items().stream().filter(item -> item.outcome() == Disposal.Outcome.DISPOSED).count();
			List<String> recordings = row.items().stream().map(item -> item.recordingId().toString()).toList();
			Stream.of(Disagreement.stated(TABLE, id, "number", stated, "number", row.number(), at),
					Disagreement.stated(TABLE, id, "reason", stated, "reason", row.reason(), at),
					Disagreement.compare(TABLE, id, "recordings", String.valueOf(stated.get("recordings")),
							String.valueOf(recordings), at),
					Disagreement.compare(TABLE, id, "agency", proposed.agency(), row.agency(), at),
					Disagreement.compare(TABLE, id, "state", state.name(), row.state().name(), stateAt),
					Disagreement.compare(TABLE, id, "disposed", disposed == null ? 0L : ((Number) disposed).longValue(),
							disposedRows, disposedAt))
				.flatMap(Optional::stream)
				.forEach(found::add);
		});
		return found.stream();
	}
}
