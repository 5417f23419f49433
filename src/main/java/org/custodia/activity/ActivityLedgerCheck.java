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

/** The register of enforcement activities against the ledger: type, place, times, officers, case, agency, as created. */
@Component
class ActivityLedgerCheck implements RegisterCheck {

	static final String TABLE = "activity_activity";

	private final ActivityRepository activities;

	ActivityLedgerCheck(ActivityRepository activities) {
		this.activities = activities;
	}

	@Override
	public String created() {
		return "activity.created";
	}

	@Override
	public String table() {
		return TABLE;
	}

	@Override
	public long rows() {
		return activities.count();
	}

	@Override
	public Stream<Disagreement> check(Map<String, List<LedgerEntry>> entries) {
		Map<UUID, Activity> rows = activities.byIds(entries.keySet().stream().map(UUID::fromString).toList());
		List<Disagreement> found = new ArrayList<>();
		entries.forEach((id, about) -> {
			LedgerEntry created = about.get(0);
			Activity row = rows.get(UUID.fromString(id));
			if (row == null) {
				found.add(Disagreement.missing(TABLE, id, created.sequence()));
				return;
			}
			Map<String, Object> stated = created.payload();
			if (stated.get("officers") instanceof List<?> officers) {
				// The officers' order is not the register's: compare them as a set.
				stated.put("officers", officers.stream().map(String::valueOf).sorted().toList());
			}
			long at = created.sequence();
			Stream.of(Disagreement.stated(TABLE, id, "activityType", stated, "type", row.type(), at),
					Disagreement.stated(TABLE, id, "place", stated, "place", row.place(), at),
					Disagreement.stated(TABLE, id, "start", stated, "start", row.startedAt(), at),
					Disagreement.stated(TABLE, id, "end", stated, "end", row.endedAt(), at),
					Disagreement.stated(TABLE, id, "officers", stated, "officers",
							row.officers().stream().map(UUID::toString).sorted().toList(), at),
					Disagreement.stated(TABLE, id, "case", stated, "case", row.caseId(), at),
					Disagreement.compare(TABLE, id, "agency", created.agency(), row.agency(), at))
				.flatMap(Optional::stream)
				.forEach(found::add);
		});
		return found.stream();
	}
}
