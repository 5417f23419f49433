package org.custodia.activity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.custodia.policy.AgencyPolicy;
import org.custodia.policy.Text;

/**
 * The kinds of activity an agency enters, from its policy: what must be recorded (000 art. 5, 002 art. 6),
 * what may be (004 art. 4), each row of a list of matters (001-list), and one kind outside every list.
 */
final class ActivityTypes {

	static final String UNLISTED = "unlisted";

	static final String UNLISTED_CITE = "custodia: an activity outside the agency's lists has no recording requirement (CMP-2)";

	private ActivityTypes() {
	}

	static List<ActivityType> of(AgencyPolicy policy) {
		List<ActivityType> types = new ArrayList<>();
		policy.recording().mustRecord().forEach(item -> types.add(new ActivityType(item.code(), item.label(), Requirement.MUST, item.cite())));
		policy.recording().mayRecord().forEach(item -> types.add(new ActivityType(item.code(), item.label(), Requirement.MAY, item.cite())));
		for (AgencyPolicy.ListRow row : policy.recording().activityList()) {
			Text label = new Text(row.category().zh() + "：" + row.activity().zh(), row.category().en() + ": " + row.activity().en());
			types.add(new ActivityType("list-row-" + row.row(), label, Requirement.MUST, row.cite()));
		}
		types.add(new ActivityType(UNLISTED, new Text("其他（不在清单内）", "Other (not on any list)"), Requirement.NONE, UNLISTED_CITE));
		return types;
	}

	/** The label of each type by its code, in the types' order: how pages name an activity's type. */
	static Map<String, Text> labels(List<ActivityType> types) {
		Map<String, Text> labels = new LinkedHashMap<>();
		types.forEach(type -> labels.put(type.code(), type.label()));
		return labels;
	}

	/** The type by its code or by its Chinese or English name, as an inspection plan may write it. */
	static Optional<ActivityType> find(AgencyPolicy policy, String codeOrName) {
		if (codeOrName == null) {
			return Optional.empty();
		}
		String wanted = codeOrName.strip();
		return of(policy).stream()
			.filter(type -> type.code().equals(wanted) || type.label().zh().equals(wanted) || type.label().en().equalsIgnoreCase(wanted))
			.findFirst();
	}
}
