package org.custodia.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
 * Access requests against the ledger: who asked what for which recordings, and where the request stands as its
 * latest entry says (decided, granted recordings, the end of the approval, withdrawn, fulfilled, expired). A row
 * changed behind the ledger to lengthen an approval or grant a recording shows here.
 */
@Component
class AccessRequestLedgerCheck implements RegisterCheck {

	static final String TABLE = "access_request";

	private final AccessRequestRepository requests;

	AccessRequestLedgerCheck(AccessRequestRepository requests) {
		this.requests = requests;
	}

	@Override
	public String created() {
		return "access.requested";
	}

	@Override
	public Set<String> amended() {
		return Set.of("access.decided", "access.withdrawn", "access.fulfilled", "access.expired");
	}

	@Override
	public String table() {
		return TABLE;
	}

	@Override
	public long rows() {
		return requests.count();
	}

	@Override
	public Stream<Disagreement> check(Map<String, List<LedgerEntry>> entries) {
		Map<UUID, AccessRequest> rows = requests.byIds(entries.keySet().stream().map(UUID::fromString).toList());
		List<Disagreement> found = new ArrayList<>();
		entries.forEach((id, about) -> {
			LedgerEntry created = about.get(0);
			AccessRequest row = rows.get(UUID.fromString(id));
			if (row == null) {
				found.add(Disagreement.missing(TABLE, id, created.sequence()));
				return;
			}
			Map<String, Object> asked = created.payload();
			long at = created.sequence();
			List<String> recordings = row.recordings().stream().map(item -> item.recordingId().toString()).sorted().toList();
			if (asked.get("recordings") instanceof Collection<?> stated) {
				asked.put("recordings", stated.stream().map(String::valueOf).sorted().toList());
			}
			Stream.of(Disagreement.stated(TABLE, id, "number", asked, "number", row.number(), at),
					Disagreement.stated(TABLE, id, "requesterKind", asked, "requesterKind", row.requesterKind().code(), at),
					Disagreement.stated(TABLE, id, "requester", asked, "requester", row.requesterName(), at),
					Disagreement.stated(TABLE, id, "uses", asked, "uses", AccessRequestRepository.codes(row.uses()), at),
					Disagreement.stated(TABLE, id, "recordings", asked, "recordings", recordings, at),
					Disagreement.compare(TABLE, id, "agency", created.agency(), row.agency(), at))
				.flatMap(Optional::stream)
				.forEach(found::add);
			stands(id, about, row).forEach(found::add);
		});
		return found.stream();
	}

	/** An instant as the databases keep it (to the microsecond), so that the entry's and the row's compare equal. */
	private static String micros(String instant) {
		return instant == null ? null : Instant.parse(instant).truncatedTo(java.time.temporal.ChronoUnit.MICROS).toString();
	}

	/** Where the entries leave the request: its state, its granted recordings and the end of its approval. */
	private static List<Disagreement> stands(String id, List<LedgerEntry> about, AccessRequest row) {
		AccessRequest.State state = AccessRequest.State.SUBMITTED;
		List<String> granted = List.of();
		String until = null;
		long at = about.get(0).sequence();
		for (LedgerEntry entry : about) {
			Map<String, Object> payload = entry.payload();
			switch (entry.action()) {
				case "access.requested" -> {
					if (payload.containsKey("until")) {
						state = AccessRequest.State.APPROVED;
						until = String.valueOf(payload.get("until"));
						granted = row.recordings().stream().map(item -> item.recordingId().toString()).sorted().toList();
						granted = payload.get("recordings") instanceof Collection<?> all
								? all.stream().map(String::valueOf).sorted().toList() : granted;
					}
				}
				case "access.decided" -> {
					state = AccessRequest.State.valueOf(String.valueOf(payload.get("decision")));
					until = payload.containsKey("until") ? String.valueOf(payload.get("until")) : null;
					granted = payload.get("granted") instanceof Collection<?> list
							? list.stream().map(String::valueOf).sorted().toList() : List.of();
				}
				case "access.withdrawn" -> state = AccessRequest.State.WITHDRAWN;
				case "access.fulfilled" -> state = AccessRequest.State.FULFILLED;
				case "access.expired" -> state = AccessRequest.State.EXPIRED;
				default -> {
				}
			}
			at = entry.sequence();
		}
		List<String> rowGranted = row.recordings().stream().filter(AccessRequest.Item::granted)
			.map(item -> item.recordingId().toString()).sorted().toList();
		Instant rowUntil = row.expiresAt();
		long sequence = at;
		return Stream.of(Disagreement.compare(TABLE, id, "state", state.name(), row.state().name(), sequence),
				Disagreement.compare(TABLE, id, "granted", granted, rowGranted, sequence),
				Disagreement.compare(TABLE, id, "until", micros(until), rowUntil == null ? null : micros(rowUntil.toString()),
						sequence))
			.flatMap(Optional::stream)
			.toList();
	}
}
