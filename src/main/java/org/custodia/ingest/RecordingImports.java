package org.custodia.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.stream.Stream;

import org.custodia.device.Device;
import org.custodia.device.DeviceRecordings;
import org.custodia.device.DeviceRegister;
import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerCheckpoints;
import org.custodia.media.DerivedCopies;
import org.custodia.ledger.LedgerEvent;
import org.custodia.policy.Action;
import org.custodia.policy.AgencyPolicy;
import org.custodia.policy.Policies;
import org.custodia.policy.PolicyDecisions;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.custodia.storage.BlobStore;
import org.custodia.storage.StoredBlob;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports every file of a folder (a docked device, an SD card) into the write-once store: all
 * copied and hashed, made durable together, then each recorded with its ledger entry. A file the
 * store already holds for the agency is recognised, not stored twice. Nothing on the device is touched.
 */
@Component
public class RecordingImports {

	/** What became of one file. */
	public record Outcome(String file, String result, UUID recordingId, String sha256, Long lateMinutes, String problem) {
	}

	private final BlobStore store;

	private final RecordingRepository recordings;

	private final DeviceRegister register;

	private final DeviceRecordings deviceRecordings;

	private final PolicyDecisions decisions;

	private final Policies policies;

	private final Ledger ledger;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final RecordingNotes notes;

	private final OriginalFacts originals;

	private final DerivedCopies derivedCopies;

	private final LedgerCheckpoints checkpoints;

	RecordingImports(BlobStore store, RecordingRepository recordings, DeviceRegister register, DeviceRecordings deviceRecordings,
			PolicyDecisions decisions, Policies policies, Ledger ledger, TransactionTemplate transactions, Clock clock,
			OriginalFacts originals, RecordingNotes notes, DerivedCopies derivedCopies, LedgerCheckpoints checkpoints) {
		this.checkpoints = checkpoints;
		this.derivedCopies = derivedCopies;
		this.notes = notes;
		this.originals = originals;
		this.store = store;
		this.recordings = recordings;
		this.register = register;
		this.deviceRecordings = deviceRecordings;
		this.decisions = decisions;
		this.policies = policies;
		this.ledger = ledger;
		this.transactions = transactions;
		this.clock = clock;
	}

	public List<Outcome> importFolder(Actor actor, String agency, String deviceNumber, UUID officerId, Path folder) {
		return importFolder(actor, agency, deviceNumber, officerId, folder, ImportProgress.NONE);
	}

	public List<Outcome> importFolder(Actor actor, String agency, String deviceNumber, UUID officerId, Path folder,
			ImportProgress progress) {
		decisions.decide(actor, Action.IMPORT, agency).orThrow();
		register.byNumber(actor, agency, deviceNumber);
		if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
			throw CustodiaException.badRequest("error.import-folder", folder);
		}
		List<SourceFile> files = files(folder).stream().map(file -> new SourceFile(file, display(folder, file))).toList();
		return importFiles(actor, agency, deviceNumber, officerId, files, progress);
	}

	/**
	 * Imports the given files as one durable batch; every file gets an outcome, in order, and a file
	 * that cannot be read does not stop the others.
	 */
	public List<Outcome> importFiles(Actor actor, String agency, String deviceNumber, UUID officerId,
			List<SourceFile> files, ImportProgress progress) {
		decisions.decide(actor, Action.IMPORT, agency).orThrow();
		Device device = register.byNumber(actor, agency, deviceNumber);
		// Sizes as the import begins: a file that reads shorter or longer was cut or still written to.
		Map<SourceFile, Long> sizes = new java.util.HashMap<>();
		files.forEach(file -> sizes.put(file, sizeOf(file.path())));
		progress.started(files.size(), sizes.values().stream().mapToLong(Long::longValue).sum());
		List<Outcome> outcomes = new ArrayList<>();
		ImportProgress watching = ImportProgress.serialized(progress);
		try (BlobStore.Batch batch = store.batch()) {
			List<BatchCopy.Copied> copied = BatchCopy.copy(agency, files, batch, new BatchCopy.Files() {
				@Override
				public DeviceFile open(SourceFile file) throws IOException {
					return sources.open(file.path());
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
		return new Outcome(copy.file().name(), "FAILED", null, null, null, copy.problem());
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
			return Files.size(file);
		}
		catch (IOException e) {
			return 0;
		}
	}

	private Outcome record(Actor actor, String agency, Device device, UUID officerId, OriginalFacts.Facts file,
			Map<String, List<String>> clockFindings) {
		String name = file.source().name();
		StoredBlob blob = file.blob();
		var existing = recordings.bySha256(agency, blob.sha256());
		if (existing.isPresent()) {
			notes.duplicateOffered(existing.get().id(), device.id(), name, actor.username());
			ledger.append(LedgerEvent.by(actor, agency, "recording.duplicate-offered", "recording",
					existing.get().id().toString(), Map.of("file", name, "device", device.number(), "sha256", blob.sha256())));
			return new Outcome(name, "DUPLICATE", existing.get().id(), blob.sha256(), null, null);
		}
		AgencyPolicy policy = policies.of(agency);
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		RecordingTimes times = RecordingTimes.of(file.media(), file.name(), file.modified(), clock.getZone());
		Long late = times.lateMinutes(now, policy.ingest().deadlineHours());
		String clockFinding = times.clockFinding(now);
		if (clockFinding != null) {
			clockFindings.computeIfAbsent(clockFinding, finding -> new ArrayList<>()).add(name);
		}
		Recording recording = new Recording(UUID.randomUUID(), agency, device.id(), officerId, blob.key(), blob.sha256(),
				blob.sm3(), blob.size(), name, file.type(), times.recordedAt(), times.end(), times.source(), now,
				actor.username(), late, file.media().readable(), file.media().problem(), file.media(), file.name(),
				clockFinding, file.poster());
		recordings.insert(recording);
		deviceRecordings.recorded(device.id(), recording.id(), times.recordedAt());
		Map<String, Object> entry = new java.util.LinkedHashMap<>();
		entry.put("file", name);
		entry.put("device", device.number());
		entry.put("sha256", blob.sha256());
		if (blob.sm3() != null) {
			entry.put("sm3", blob.sm3());
		}
		entry.put("size", blob.size());
		entry.put("key", blob.key());
		entry.put("type", file.type());
		entry.put("late", late == null ? "no" : late + " min (" + policy.ingest().cite() + ")");
		if (file.media().problem() != null) {
			entry.put("unreadable", file.media().problem());
		}
		if (clockFinding != null) {
			entry.put("clock", clockFinding);
		}
		ledger.append(LedgerEvent.by(actor, agency, "recording.ingested", "recording", recording.id().toString(), entry));
		// What an import stored is under a signed checkpoint (kept outside the database too) as soon as it commits.
		checkpoints.signAfterCommit();
		if (recording.isVideoOrAudio()) {
			// Requested with the import, so a crash cannot leave a recording nobody makes a proxy of.
			derivedCopies.proxyFor(actor, recording.asOriginal());
		}
		return new Outcome(name, "STORED", recording.id(), blob.sha256(), late, file.media().problem());
	}

	private static List<Path> files(Path folder) {
		// However deep: a file the walk did not reach would get no outcome at all.
		try (Stream<Path> walk = Files.walk(folder)) {
			return walk.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
				.filter(path -> !bookkeeping(path.getFileName().toString()))
				.sorted()
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * What a computer, not the device, put on the card: a Mac's folder settings and resource forks. Any
	 * other name, however odd (".x.mp4", "..\\x.mp4"), is the device's and gets an outcome.
	 */
	private static boolean bookkeeping(String name) {
		return name.equals(".DS_Store") || name.startsWith("._");
	}

	private LocalDate dayOf(Path file) {
		Instant modified = OriginalFacts.modified(file);
		return LocalDate.ofInstant(modified == null ? clock.instant() : modified, clock.getZone());
	}

	/** The file's path inside the folder, as a user reads it. */
	private static String display(Path folder, Path file) {
		return folder.relativize(file).toString();
	}
}
