package org.custodia.ingest;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodia.device.Device;
import org.custodia.device.DeviceRecordings;
import org.custodia.policy.ImportDeadline;
import org.custodia.policy.ImportDeadlines;
import org.custodia.recording.Recording;
import org.custodia.recording.RecordingRegister;
import org.custodia.recording.RecordingTimes;
import org.custodia.shared.Actor;
import org.custodia.storage.StoredBlob;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records one file of an import once it is durable in the store: its recording row and ledger entry (or, for
 * bytes the agency holds already, the duplicate offered), and where it came from, in one transaction.
 */
@Component
class ImportRecords {

	private final RecordingRegister recordings;

	private final DeviceRecordings deviceRecordings;

	private final ImportDeadlines deadlines;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final SourceFileMemory memory;

	/** Held while one file is recorded (see record). */
	private final Object recording = new Object();

	ImportRecords(RecordingRegister recordings, DeviceRecordings deviceRecordings, ImportDeadlines deadlines,
			TransactionTemplate transactions, Clock clock, SourceFileMemory memory) {
		this.recordings = recordings;
		this.deviceRecordings = deviceRecordings;
		this.deadlines = deadlines;
		this.transactions = transactions;
		this.clock = clock;
		this.memory = memory;
	}

	/**
	 * Records the file, and with {@code remember} where it came from, in one transaction. One at a time: two files
	 * of the same bytes copied side by side must find each other, not both become a recording. A suspect time of
	 * the device's clock is added to the import's findings.
	 */
	RecordingImports.Outcome record(Actor actor, Device device, UUID officerId, OriginalFacts.Facts facts,
			boolean remember, Map<String, List<String>> clockFindings) {
		synchronized (recording) {
			return transactions.execute(status -> {
				Map<String, List<String>> findings = new java.util.TreeMap<>();
				RecordingImports.Outcome outcome = recordNew(actor, device.agency(), device, officerId, facts, findings);
				if (remember) {
					memory.remember(device.agency(), device.id(), facts.source().name(), facts.blob().size(),
							facts.modified(), outcome.recordingId(), outcome.sha256(), clock.instant());
				}
				synchronized (clockFindings) {
					findings.forEach((finding, names) -> clockFindings.computeIfAbsent(finding, f -> new ArrayList<>())
						.addAll(names));
				}
				return outcome;
			});
		}
	}

	/** The device's clock, judged on all the files of this import together: one finding in its history. */
	void clockSuspects(Actor actor, Device device, Map<String, List<String>> clockFindings) {
		if (!clockFindings.isEmpty()) {
			transactions.executeWithoutResult(status -> clockFindings.forEach((finding, names) -> deviceRecordings
				.clockSuspect(actor, device.id(), finding, names.size(), names.get(0))));
		}
	}

	private RecordingImports.Outcome recordNew(Actor actor, String agency, Device device, UUID officerId, OriginalFacts.Facts file,
			Map<String, List<String>> clockFindings) {
		String name = file.source().name();
		StoredBlob blob = file.blob();
		var existing = recordings.withSha256(agency, blob.sha256());
		if (existing.isPresent()) {
			recordings.duplicateOffered(actor, existing.get(), device.id(), device.number(), name);
			return new RecordingImports.Outcome(name, ImportResult.DUPLICATE, existing.get().id(), blob.sha256(), null, null);
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		RecordingTimes times = RecordingTimes.of(file.media(), file.name(), file.modified(), clock.getZone());
		ImportDeadline deadline = times.finished() == null ? null : deadlines.after(agency, times.finished());
		Long late = deadline == null ? null : deadline.minutesLate(now);
		String clockFinding = times.clockFinding(now);
		if (RecordingTimes.concernsTheDevice(clockFinding)) {
			clockFindings.computeIfAbsent(clockFinding, finding -> new ArrayList<>()).add(name);
		}
		// unless the custodian names one, the officer is whoever held the device when it recorded (custody ledger)
		UUID officer = officerId != null ? officerId : deviceRecordings.holderAt(device.id(), times.recordedAt()).orElse(null);
		Recording recording = new Recording(UUID.randomUUID(), agency, device.id(), officer, blob.key(), blob.sha256(),
				blob.sm3(), blob.size(), name, file.type(), times.recordedAt(), times.end(), times.source(), now,
				actor.username(), late, deadline == null ? null : deadline.at(), deadline == null ? null : deadline.cite(),
				file.media().readable(), file.media().problem(), file.media(), file.name(),
				clockFinding, file.poster(), null);
		// the row and its ledger entry, in this transaction; under a signed checkpoint as soon as it commits
		recordings.imported(actor, recording, device.number(), times);
		deviceRecordings.recorded(device.id(), recording.id(), times.recordedAt());
		return new RecordingImports.Outcome(name, ImportResult.STORED, recording.id(), blob.sha256(), late, file.media().problem());
	}

}
