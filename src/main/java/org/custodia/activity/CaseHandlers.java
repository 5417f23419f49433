package org.custodia.activity;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who handles which case (案件承办人), and which recordings belong to a case or an activity: a recording
 * belongs to the case of the activity it is confirmed for. For other modules that decide by it (access
 * requests); the caller checks who may ask, these answers hold no check of their own.
 */
@Component
public class CaseHandlers {

	private final CaseHandlerRepository handlers;

	CaseHandlers(CaseHandlerRepository handlers) {
		this.handlers = handlers;
	}

	/** Whether the user handles the case of the activity the recording is confirmed for. */
	@Transactional(readOnly = true)
	public boolean handles(UUID userId, UUID recordingId) {
		return userId != null && recordingId != null && handlers.handles(userId, recordingId);
	}

	/** The case of the activity the recording is confirmed for; empty while it is confirmed for none or the activity has no case. */
	@Transactional(readOnly = true)
	public Optional<UUID> caseOf(UUID recordingId) {
		return recordingId == null ? Optional.empty() : handlers.caseOf(recordingId);
	}

	/** The case's handlers, those assigned earlier first. */
	@Transactional(readOnly = true)
	public Set<UUID> handlersOf(UUID caseId) {
		return caseId == null ? Set.of() : Collections.unmodifiableSet(handlers.handlersOf(caseId));
	}

	/** The recordings confirmed for the case's activities, in the order they were recorded; none for another agency's case. */
	@Transactional(readOnly = true)
	public List<UUID> recordingsOfCase(String agency, UUID caseId) {
		return handlers.recordingsOfCase(agency, caseId);
	}

	/** The recordings confirmed for the activity, in the order they were recorded; none for another agency's activity. */
	@Transactional(readOnly = true)
	public List<UUID> recordingsOfActivity(String agency, UUID activityId) {
		return handlers.recordingsOfActivity(agency, activityId);
	}

	@Transactional(readOnly = true)
	public Optional<String> caseNumber(UUID caseId) {
		return caseId == null ? Optional.empty() : handlers.caseNumber(caseId);
	}

	/** The number of a case of the agency; empty for a case of another agency, as for none. */
	@Transactional(readOnly = true)
	public Optional<String> caseNumber(String agency, UUID caseId) {
		return caseId == null ? Optional.empty() : handlers.caseNumber(agency, caseId);
	}
}
