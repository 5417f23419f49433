package org.custodia.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.custodia.activity.CaseHandlers;
import org.custodia.policy.AccessMatrix;
import org.custodia.recording.Recording;
import org.custodia.recording.RecordingRegister;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.springframework.stereotype.Component;

/**
 * What a request names, read and checked: its recordings (given, or those of a case or an activity, each one the
 * asker may see), its uses, and its texts within their lengths.
 */
@Component
class RequestInput {

	private final RecordingRegister register;

	private final CaseHandlers cases;

	RequestInput(RecordingRegister register, CaseHandlers cases) {
		this.register = register;
		this.cases = cases;
	}

	List<Recording> recordings(Actor actor, String agency, AccessRequests.NewRequest asked) {
		List<UUID> ids;
		if (asked.recordings() != null && !asked.recordings().isEmpty()) {
			ids = asked.recordings();
		}
		else if (asked.caseId() != null) {
			ids = cases.recordingsOfCase(agency, asked.caseId());
		}
		else if (asked.activityId() != null) {
			ids = cases.recordingsOfActivity(agency, asked.activityId());
		}
		else {
			ids = List.of();
		}
		if (ids.isEmpty()) {
			throw CustodiaException.badRequest("error.access-no-recordings");
		}
		if (ids.size() > AccessRequests.MOST) {
			throw CustodiaException.badRequest("error.access-too-many-recordings", AccessRequests.MOST);
		}
		return ids.stream().distinct().map(id -> register.visibleTo(actor, id)).toList();
	}

	static Set<AccessMatrix.Use> uses(List<String> actions) {
		if (actions == null || actions.isEmpty()) {
			throw CustodiaException.badRequest("error.access-no-uses");
		}
		Set<AccessMatrix.Use> uses = EnumSet.noneOf(AccessMatrix.Use.class);
		for (String action : actions) {
			uses.add(AccessMatrix.Use.fromCode(action)
				.orElseThrow(() -> CustodiaException.badRequest("error.access-use-unknown", action)));
		}
		return uses;
	}

	static String trimmed(String value, int most, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String stripped = value.strip();
		if (stripped.length() > most) {
			throw CustodiaException.badRequest("error.invalid-fields", field);
		}
		return stripped;
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
