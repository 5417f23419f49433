package org.custodia.recording;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.custodia.ledger.Disagreement;
import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEntry;
import org.custodia.ledger.RegisterCheck;
import org.springframework.stereotype.Component;

/**
 * The register of recordings against the ledger: a row's SHA-256, size, original name, store key, type
 * and agency as its {@code recording.ingested} entry recorded them, and its SM3 as the entry that gave
 * it (the import's own, or the later {@code recording.hash-added}), its officer as the import or the last
 * {@code recording.officer-corrected} named him.
 */
@Component
class RecordingLedgerCheck implements RegisterCheck {

	static final String TABLE = "recording_recording";

	static final String INGESTED = "recording.ingested";

	static final String HASH_ADDED = "recording.hash-added";

	private final RecordingRepository recordings;

	private final Ledger ledger;

	RecordingLedgerCheck(RecordingRepository recordings, Ledger ledger) {
		this.recordings = recordings;
		this.ledger = ledger;
	}

	@Override
	public String created() {
		return INGESTED;
	}

	@Override
	public Set<String> amended() {
		return Set.of(HASH_ADDED, OfficerCorrections.CORRECTED);
	}

	@Override
	public String table() {
		return TABLE;
	}

	@Override
	public long rows() {
		return recordings.count();
	}

	@Override
	public Stream<Disagreement> check(Map<String, List<LedgerEntry>> entries) {
		Map<UUID, Recording> rows = recordings.byIds(entries.keySet().stream().map(UUID::fromString).toList());
		List<Disagreement> found = new ArrayList<>();
		entries.forEach((id, about) -> found.addAll(compare(id, about, rows.get(UUID.fromString(id)))));
		return found.stream();
	}

	/** What of one row disagrees with the ledger; a row without its import entry disagrees in every field. */
	List<Disagreement> check(Recording recording) {
		List<LedgerEntry> about = ledger.describing(recording.agency(), recording.id().toString(),
				Set.of(INGESTED, HASH_ADDED, OfficerCorrections.CORRECTED));
		if (about.stream().noneMatch(entry -> entry.action().equals(INGESTED))) {
			return List.of(new Disagreement(TABLE, recording.id().toString(), "row", null, "present", -1));
		}
		return compare(recording.id().toString(), about, recording);
	}

	private static List<Disagreement> compare(String id, List<LedgerEntry> about, Recording row) {
		LedgerEntry ingested = about.stream().filter(entry -> entry.action().equals(INGESTED)).findFirst().orElseThrow();
		if (row == null) {
			return List.of(Disagreement.missing(TABLE, id, ingested.sequence()));
		}
		Map<String, Object> stated = ingested.payload();
		Object sm3 = stated.get("sm3");
		long sm3Entry = ingested.sequence();
		for (LedgerEntry added : about) {
			if (added.action().equals(HASH_ADDED) && "SM3".equals(added.payload().get("algorithm"))) {
				sm3 = added.payload().get("sm3");
				sm3Entry = added.sequence();
			}
		}
		// the officer as the import named it, or as the last correction did; imports before officers were entered name none
		Object officer = stated.get("officer");
		long officerEntry = ingested.sequence();
		boolean officerStated = stated.containsKey("officer");
		for (LedgerEntry corrected : about) {
			if (corrected.action().equals(OfficerCorrections.CORRECTED)) {
				officer = corrected.payload().get("officer");
				officerEntry = corrected.sequence();
				officerStated = true;
			}
		}
		Optional<Disagreement> officerDisagrees = officerStated ? Disagreement.compare(TABLE, id, "officerId",
				officer == null || "".equals(officer) ? null : officer,
				row.officerId() == null ? null : row.officerId().toString(), officerEntry) : Optional.empty();
		long at = ingested.sequence();
		return Stream.of(officerDisagrees, Disagreement.compare(TABLE, id, "sha256", stated.get("sha256"), row.sha256(), at),
				Disagreement.compare(TABLE, id, "sm3", sm3, row.sm3(), sm3Entry),
				Disagreement.compare(TABLE, id, "size", stated.get("size"), row.size(), at),
				Disagreement.compare(TABLE, id, "name", stated.get("file"), row.originalName(), at),
				Disagreement.compare(TABLE, id, "key", stated.get("key"), row.blobKey(), at),
				Disagreement.compare(TABLE, id, "type", stated.get("type"), row.contentType(), at),
				Disagreement.compare(TABLE, id, "agency", ingested.agency(), row.agency(), at))
			.flatMap(Optional::stream)
			.toList();
	}
}
