package org.custodia.activity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.custodia.ledger.Disagreement;
import org.custodia.ledger.LedgerEntry;
import org.custodia.ledger.RegisterCheck;
import org.springframework.stereotype.Component;

/**
 * The register of work records against the ledger: each record's activity, reason, basis, on-site
 * leader, reviewer and agency as the entry of its writing gave them. The entries are about the activity;
 * the record's own id is in their payload.
 */
@Component
class WorkRecordLedgerCheck implements RegisterCheck {

	static final String TABLE = "activity_work_record";

	private final WorkRecordRepository records;

	WorkRecordLedgerCheck(WorkRecordRepository records) {
		this.records = records;
	}

	@Override
	public String created() {
		return "activity.work-record-written";
	}

	@Override
	public String table() {
		return TABLE;
	}

	@Override
	public long rows() {
		return records.count();
	}

	@Override
	public Stream<Disagreement> check(Map<String, List<LedgerEntry>> entries) {
		List<LedgerEntry> written = entries.values().stream().flatMap(List::stream).toList();
		Map<UUID, WorkRecord> rows = records.byIds(written.stream()
			.map(entry -> UUID.fromString(String.valueOf(entry.payload().get("workRecord"))))
			.toList());
		List<Disagreement> found = new ArrayList<>();
		for (LedgerEntry entry : written) {
			Map<String, Object> stated = entry.payload();
			String id = String.valueOf(stated.get("workRecord"));
			WorkRecord row = rows.get(UUID.fromString(id));
			long at = entry.sequence();
			if (row == null) {
				found.add(Disagreement.missing(TABLE, id, at));
				continue;
			}
			Stream.of(Disagreement.compare(TABLE, id, "activity", entry.subjectId(), row.activityId(), at),
					Disagreement.stated(TABLE, id, "reason", stated, "reason", row.reasonCode(), at),
					Disagreement.stated(TABLE, id, "basis", stated, "basis", row.basis(), at),
					Disagreement.stated(TABLE, id, "leader", stated, "leader", row.leaderId(), at),
					Disagreement.stated(TABLE, id, "reviewer", stated, "reviewer", row.reviewerId(), at),
					Disagreement.compare(TABLE, id, "agency", entry.agency(), row.agency(), at))
				.flatMap(Optional::stream)
				.forEach(found::add);
		}
		return found.stream();
	}
}
