package org.custodia.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodia.device.Device;
import org.custodia.device.DeviceRecordings;
import org.custodia.device.DeviceRegister;
import org.custodia.ledger.Ledger;
import org.custodia.policy.Action;
import org.custodia.policy.ImportDeadline;
import org.custodia.policy.ImportDeadlines;
import org.custodia.policy.PolicyDecisions;
import org.custodia.recording.Recording;
import org.custodia.recording.RecordingOfficers;
import org.custodia.recording.RecordingRegister;
import org.custodia.recording.RecordingTimes;
import org.custodia.shared.Actor;
import org.custodia.storage.BlobStore;
import org.custodia.storage.StoredBlob;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports every file of a folder (a docked device, an SD card) into the write-once store: all
 * copied and hashed, made durable together, then each recorded with its ledger entry. A file the
 * store already holds for the agency is recognised, not stored twice. Nothing on the device is touched.
 * The officer named for the recordings must be an officer of the agency.
 */
@Component
public class RecordingImports {

	/** What became of one file. */
	public record Outcome(String file, ImportResult result, UUID recordingId, String sha256, Long lateMinutes, String problem) {
	}

	private final BlobStore store;

	private final RecordingRegister recordings;

	private final DeviceRegister register;

	private final DeviceRecordings deviceRecordings;

	private final PolicyDecisions decisions;

	private final ImportDeadlines deadlines;

	private final Ledger ledger;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final OriginalFacts originals;

	private final ImportRoots roots;

	private final RecordingOfficers officers;

	RecordingImports(BlobStore store, RecordingRegister recordings, DeviceRegister register, DeviceRecordings deviceRecordings,
			PolicyDecisions decisions, ImportDeadlines deadlines, Ledger ledger, TransactionTemplate transactions, Clock clock,
			OriginalFacts originals, ImportRoots roots, RecordingOfficers officers) {
		this.roots = roots;
		this.officers = officers;
		this.originals = originals;
		this.store = store;
		this.recordings = recordings;
		this.register = register;
		this.deviceRecordings = deviceRecordings;
		this.decisions = decisions;
		this.deadlines = deadlines;
		this.ledger = ledger;
		this.transactions = transactions;
		this.clock = clock;
	}

	public List<Outcome> importFolder(Actor actor, String agency, String deviceNumber, UUID officerId, Path folder) {
		return importFolder(actor, agency, deviceNumber, officerId, folder, ImportProgress.NONE);
	}

	/**
	 * Imports a folder the agency may import from ({@link ImportRoots}): every file in it, however deep,
	 * read from the folder's real path and never through a link; links and other non-files are reported
	 * as skipped.
	 */
	public List<Outcome> importFolder(Actor actor, String agency, String deviceNumber, UUID officerId, Path folder,
			ImportProgress progress) {
		decisions.decide(actor, Action.IMPORT, agency).orThrow();
		register.byNumber(actor, agency, deviceNumber);
		Path real = roots.check(agency, folder);
		FolderFiles listing = FolderFiles.of(real);
		// A folder on the way swapped for a link after the listing is not followed either.
		Sources underFolder = file -> {
			Path parent = file.getParent();
			if (!parent.startsWith(real) || !parent.toRealPath().equals(parent)) {
				throw new java.io.IOException("no longer where it was listed: " + file);
			}
			return sources.open(file);
		};
		return importFiles(actor, agency, deviceNumber, officerId, listing.files(), listing.skipped(), progress,
				underFolder);
	}

	/**
	 * Imports the given files as one durable batch; every file gets an outcome, in order, and a file
	 * that cannot be read does not stop the others.
	 */
	List<Outcome> importFiles(Actor actor, String agency, String deviceNumber, UUID officerId, List<SourceFile> files,
			ImportProgress progress) {
		return importFiles(actor, agency, deviceNumber, officerId, files, List.of(), progress, sources);
	}

	private List<Outcome> importFiles(Actor actor, String agency, String deviceNumber, UUID officerId,
			List<SourceFile> files, List<Outcome> skipped, ImportProgress progress, Sources opener) {
		decisions.decide(actor, Action.IMPORT, agency).orThrow();
		Device device = register.byNumber(actor, agency, deviceNumber);
		officers.check(agency, officerId);
		// Sizes as the import begins: a file that reads shorter or longer was cut or still written to.
		Map<SourceFile, Long> sizes = new java.util.HashMap<>();
		files.forEach(file -> sizes.put(file, sizeOf(file.path())));
		progress.started(files.size() + skipped.size(), sizes.values().stream().mapToLong(Long::longValue).sum());
		List<Outcome> outcomes = new ArrayList<>(skipped);
		ImportProgress watching = ImportProgress.serialized(progress);
		skipped.forEach(watching::finished);
		try (BlobStore.Batch batch = store.batch()) {
			List<BatchCopy.Copied> copied = BatchCopy.copy(agency, files, batch, new BatchCopy.Files() {
				@Override
				public DeviceFile open(SourceFile file) throws IOException {
					return opener.open(file.path());
				}

				@Override
				public long size(SourceFile file) {
					return sizes.get(file);
				}

				@Override
				public LocalDate day(SourceFile file) {
					return dayOf(file.path());
				}

				@Override
				public void failed(BatchCopy.Copied copy) {
					watching.finished(RecordingImports.failed(copy));
				}
			}, watching::copied);
			copied.stream().filter(copy -> !copy.staged()).forEach(copy -> outcomes.add(failed(copy)));
			List<StoredBlob> blobs = batch.commit();
			List<OriginalFacts.Facts> facts = new ArrayList<>();
			for (BatchCopy.Copied copy : copied) {
				if (copy.staged()) {
					facts.add(originals.read(device, copy.file(), copy.type(), blobs.get(copy.position())));
				}
			}
			List<Outcome> recorded = transactions.execute(status -> {
				List<Outcome> results = new ArrayList<>();
				Map<String, List<String>> clockFindings = new java.util.TreeMap<>();
				for (OriginalFacts.Facts file : facts) {
					results.add(record(actor, agency, device, officerId, file, clockFindings));
				}
				clockFindings.forEach((finding, names) -> deviceRecordings.clockSuspect(actor, device.id(), finding,
						names.size(), names.get(0)));
				return results;
			});
			recorded.forEach(watching::finished);
			outcomes.addAll(recorded);
		}
		return outcomes;
	}

	private static Outcome failed(BatchCopy.Copied copy) {
		return new Outcome(copy.file().name(), ImportResult.FAILED, null, null, null, copy.problem());
	}

	/** Opens a file on the device; tests give one that fails part-way, as an unplugged device does. */
	interface Sources {

		DeviceFile open(Path file) throws IOException;
	}

	private Sources sources = DeviceFile::open;

	RecordingImports openingSourcesWith(Sources sources) {
		this.sources = sources;
		return this;
	}

	private static long sizeOf(Path file) {
		try {
			return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).size();
		}
		catch (IOException e) {
			return 0;
		}
	}

	private Outcome record(Actor actor, String agency, Device device, UUID officerId, OriginalFacts.Facts file,
			Map<String, List<String>> clockFindings) {
		String name = file.source().name();
		StoredBlob blob = file.blob();
		var existing = recordings.withSha256(agency, blob.sha256());
		if (existing.isPresent()) {
			recordings.duplicateOffered(actor, existing.get(), device.id(), device.number(), name);
			return new Outcome(name, ImportResult.DUPLICATE, existing.get().id(), blob.sha256(), null, null);
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		RecordingTimes times = RecordingTimes.of(file.media(), file.name(), file.modified(), clock.getZone());
		ImportDeadline deadline = times.finished() == null ? null : deadlines.after(agency, times.finished());
		Long late = deadline == null ? null : deadline.minutesLate(now);
		String clockFinding = times.clockFinding(now);
		if (RecordingTimes.concernsTheDevice(clockFinding)) {
			clockFindings.computeIfAbsent(clockFinding, finding -> new ArrayList<>()).add(name);
		}
		Recording recording = new Recording(UUID.randomUUID(), agency, device.id(), officerId, blob.key(), blob.sha256(),
				blob.sm3(), blob.size(), name, file.type(), times.recordedAt(), times.end(), times.source(), now,
				actor.username(), late, deadline == null ? null : deadline.at(), deadline == null ? null : deadline.cite(),
				file.media().readable(), file.media().problem(), file.media(), file.name(),
				clockFinding, file.poster(), null);
		// the row and its ledger entry, in this transaction; under a signed checkpoint as soon as it commits
		recordings.imported(actor, recording, device.number(), times);
		deviceRecordings.recorded(device.id(), recording.id(), times.recordedAt());
		return new Outcome(name, ImportResult.STORED, recording.id(), blob.sha256(), late, file.media().problem());
	}

	private LocalDate dayOf(Path file) {
		Instant modified = OriginalFacts.modified(file);
		return LocalDate.ofInstant(modified == null ? clock.instant() : modified, clock.getZone());
	}

}
