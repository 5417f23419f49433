package org.custodia.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodia.device.Device;
import org.custodia.device.DeviceRegister;
import org.custodia.policy.Action;
import org.custodia.policy.PolicyDecisions;
import org.custodia.recording.RecordingOfficers;
import org.custodia.shared.Actor;
import org.custodia.storage.BlobStore;
import org.custodia.storage.StoredBlob;
import org.springframework.stereotype.Component;

/**
 * Imports every file of a folder (a docked device, an SD card) into the write-once store: several copied
 * and hashed at once, each made durable and then recorded with its ledger entry on its own, so that an
 * import killed part-way keeps what it recorded and the next run copies only the rest. A file the
 * store already holds for the agency is recognised, not stored twice. Nothing on the device is touched.
 * The officer named for the recordings must be an officer of the agency.
 */
@Component
public class RecordingImports {

	/** What became of one file. */
	public record Outcome(String file, ImportResult result, UUID recordingId, String sha256, Long lateMinutes, String problem) {
	}

	private final BlobStore store;

	private final DeviceRegister register;

	private final PolicyDecisions decisions;

	private final Clock clock;

	private final OriginalFacts originals;

	private final ImportRoots roots;

	private final RecordingOfficers officers;

	private final SourceFileMemory memory;

	private final ImportRecords records;

	RecordingImports(BlobStore store, DeviceRegister register, PolicyDecisions decisions, Clock clock,
			OriginalFacts originals, ImportRoots roots, RecordingOfficers officers, SourceFileMemory memory,
			ImportRecords records) {
		this.store = store;
		this.register = register;
		this.decisions = decisions;
		this.clock = clock;
		this.originals = originals;
		this.roots = roots;
		this.officers = officers;
		this.memory = memory;
		this.records = records;
	}

	public List<Outcome> importFolder(Actor actor, String agency, String deviceNumber, UUID officerId, Path folder) {
		return importFolder(actor, agency, deviceNumber, officerId, folder, ImportProgress.NONE);
	}

	public List<Outcome> importFolder(Actor actor, String agency, String deviceNumber, UUID officerId, Path folder,
			ImportProgress progress) {
		return importFolder(actor, agency, deviceNumber, officerId, folder, progress, null);
	}

	/**
	 * Imports a folder the agency may import from ({@link ImportRoots}): every file in it, however deep,
	 * read from the folder's real path and never through a link; links and other non-files are reported
	 * as skipped. A file recorded from this device before under the same path, size and time is not read
	 * again ({@link ImportResult#ALREADY_IMPORTED}): an import killed part-way resumes with the rest. What
	 * a head start copied counts only when the import is allowed and the same; else it is discarded.
	 */
	List<Outcome> importFolder(Actor actor, String agency, String deviceNumber, UUID officerId, Path folder,
			ImportProgress progress, ImportHeadStart headStart) {
		Path real;
		try {
			decisions.decide(actor, Action.IMPORT, agency).orThrow();
			register.byNumber(actor, agency, deviceNumber);
			real = roots.check(agency, folder);
		}
		catch (RuntimeException e) {
			close(headStart);
			throw e;
		}
		ImportHeadStart started = headStart;
		if (started != null && !started.fits(agency, deviceNumber, real, store, clock.getZone())) {
			started.close();
			started = null;
		}
		FolderFiles listing = started != null ? started.listing : FolderFiles.of(real);
		return importFiles(new Request(actor, agency, deviceNumber, officerId, listing.files(), listing.skipped(),
				progress, underFolder(real, sources), true, started));
	}

	/** A folder on the way swapped for a link after the listing is not followed either. */
	static Sources underFolder(Path real, Sources sources) {
		return file -> {
			Path parent = file.getParent();
			if (!parent.startsWith(real) || !parent.toRealPath().equals(parent)) {
				throw new java.io.IOException("no longer where it was listed: " + file);
			}
			return sources.open(file);
		};
	}

	/**
	 * Imports the given files, each recorded as soon as it is durable; every file gets an outcome, in order,
	 * and a file that cannot be read does not stop the others.
	 */
	List<Outcome> importFiles(Actor actor, String agency, String deviceNumber, UUID officerId, List<SourceFile> files,
			ImportProgress progress) {
		return importFiles(actor, agency, deviceNumber, officerId, files, List.of(), progress);
	}

	/** As above, with files already known to have failed before the import (an upload never finished) reported first. */
	List<Outcome> importFiles(Actor actor, String agency, String deviceNumber, UUID officerId, List<SourceFile> files,
			List<Outcome> failedBefore, ImportProgress progress) {
		return importFiles(new Request(actor, agency, deviceNumber, officerId, files, failedBefore, progress, sources,
				false, null));
	}

	/** One import: {@code resuming} leaves out what was recorded from the device before. */
	private record Request(Actor actor, String agency, String deviceNumber, UUID officerId, List<SourceFile> files,
			List<Outcome> skipped, ImportProgress progress, Sources opener, boolean resuming, ImportHeadStart headStart) {
	}

	private List<Outcome> importFiles(Request request) {
		String agency = request.agency();
		ImportHeadStart headStart = request.headStart();
		Device device;
		try {
			decisions.decide(request.actor(), Action.IMPORT, agency).orThrow();
			device = register.byNumber(request.actor(), agency, request.deviceNumber());
			officers.check(agency, request.officerId());
		}
		catch (RuntimeException e) {
			close(headStart);
			throw e;
		}
		List<SourceFile> files = request.files();
		// Sizes as the import begins: a file that reads shorter or longer was cut or still written to.
		Map<SourceFile, Long> sizes = new java.util.HashMap<>();
		files.forEach(file -> sizes.put(file, headStart != null ? headStart.sizes.get(file) : sizeOf(file.path())));
		Map<SourceFile, Outcome> already = request.resuming() ? alreadyImported(agency, device, files, sizes) : Map.of();
		List<SourceFile> toCopy = files.stream().filter(file -> !already.containsKey(file)).toList();
		request.progress().started(files.size() + request.skipped().size(), toCopy.stream().mapToLong(sizes::get).sum());
		ImportProgress watching = ImportProgress.serialized(request.progress());
		request.skipped().forEach(watching::finished);
		already.values().forEach(watching::finished);
		Map<String, List<String>> clockFindings = new java.util.TreeMap<>();
		FileRecorder recorder = new FileRecorder() {
			@Override
			public Outcome stored(SourceFile file, String type, StoredBlob blob) {
				OriginalFacts.Facts facts = originals.read(device, file, type, blob);
				Outcome outcome = records.record(request.actor(), device, request.officerId(), facts, request.resuming(),
						clockFindings);
				if (headStart != null) {
					headStart.recorded(file, blob.size(), facts.modified());
				}
				watching.finished(outcome);
				return outcome;
			}

			@Override
			public void failed(Outcome outcome) {
				watching.finished(outcome);
			}
		};
		Map<SourceFile, Outcome> copied = new java.util.HashMap<>();
		List<SourceFile> rest = toCopy;
		if (headStart != null) {
			copied.putAll(headStart.finish(recorder, already.keySet(), watching));
			rest = toCopy.stream().filter(headStart.deferred()::contains).toList();
			already.keySet().stream().filter(file -> !headStart.deferred().contains(file))
				.forEach(file -> headStart.recorded(file, sizes.get(file), OriginalFacts.modified(file.path())));
		}
		List<Outcome> copiedNow = BatchCopy.copy(agency, rest, store, copying(request.opener(), sizes), recorder,
				watching::copied);
		for (int i = 0; i < rest.size(); i++) {
			copied.put(rest.get(i), copiedNow.get(i));
		}
		// The device's clock, judged on all the files of this import together: one finding in its history.
		records.clockSuspects(request.actor(), device, clockFindings);
		List<Outcome> outcomes = new ArrayList<>(request.skipped());
		files.forEach(file -> outcomes.add(already.containsKey(file) ? already.get(file) : copied.get(file)));
		return outcomes;
	}

	/** The files recorded from this device before, as they lie now: same path, size and time. */
	private Map<SourceFile, Outcome> alreadyImported(String agency, Device device, List<SourceFile> files,
			Map<SourceFile, Long> sizes) {
		Map<String, SourceFileMemory.Recorded> recordedBefore = memory.recordedFrom(agency, device.id());
		Map<SourceFile, Outcome> already = new java.util.HashMap<>();
		for (SourceFile file : files) {
			SourceFileMemory.Recorded before = recordedBefore.get(file.name());
			if (before != null && before.same(sizes.get(file), OriginalFacts.modified(file.path()))) {
				already.put(file, new Outcome(file.name(), ImportResult.ALREADY_IMPORTED, before.recordingId(),
						before.sha256(), null, null));
			}
		}
		return already;
	}

	private CopySources copying(Sources opener, Map<SourceFile, Long> sizes) {
		return new CopySources() {
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
		};
	}

	private static void close(ImportHeadStart headStart) {
		if (headStart != null) {
			headStart.close();
		}
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

	static long sizeOf(Path file) {
		try {
			return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).size();
		}
		catch (IOException e) {
			return 0;
		}
	}

	private LocalDate dayOf(Path file) {
		Instant modified = OriginalFacts.modified(file);
		return LocalDate.ofInstant(modified == null ? clock.instant() : modified, clock.getZone());
	}

}
