package org.custodia.ingest;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.custodia.shared.CommandHeadStart;
import org.custodia.storage.BlobStore;
import org.custodia.storage.EarlyStores;

import picocli.CommandLine;

/**
 * The command line's import copying while the application starts (10 to 19 s of it: database migrations,
 * policies): the folder is listed and its files copied and hashed into the store's staging area, the same
 * durable, verified way as always, before anything is checked. Nothing of it counts until the started
 * application has checked the import as any other (the agency's right, the device, the folder under its
 * import roots) and found the store the same; then each copied file is committed and recorded as usual.
 * A refused import, or any doubt, discards what was copied. Files this command recorded before from the
 * same device (a local note, only a hint: the database decides) wait for the application, so that a
 * resumed import does not read them again.
 */
public final class ImportHeadStart implements CommandHeadStart {

	/** {@code -Dcustodia.import.head-start=false}: the application first, then the copy, as before (to compare). */
	static final String SWITCH = "custodia.import.head-start";

	final String agency;

	final String device;

	final Path realFolder;

	final FolderFiles listing;

	final Map<SourceFile, Long> sizes = new HashMap<>();

	final BlobStore store;

	final ZoneId zone;

	private final Set<SourceFile> deferred = new HashSet<>();

	private final BatchCopy copy;

	private final AtomicLong copiedBefore = new AtomicLong();

	private final Path notes;

	private volatile java.util.function.LongConsumer copied = copiedBefore::addAndGet;

	private boolean closed;

	private ImportHeadStart(ImportCommand command, Path realFolder, Settings settings) {
		this.agency = command.agency;
		this.device = command.device;
		this.realFolder = realFolder;
		this.listing = FolderFiles.of(realFolder);
		this.zone = settings.zone();
		this.store = EarlyStores.open(settings.dataDir(), settings.storeRoot(), settings.secondRoot(), settings.sm3InPass());
		this.notes = settings.storeRoot().resolve(".imports").resolve(agency).resolve(key(device) + ".tsv");
		Map<String, String> recordedHere = readNotes();
		List<SourceFile> now = new java.util.ArrayList<>();
		for (SourceFile file : listing.files()) {
			long size = RecordingImports.sizeOf(file.path());
			sizes.put(file, size);
			if (signature(size, OriginalFacts.modified(file.path())).equals(recordedHere.get(file.name()))) {
				deferred.add(file);
			}
			else {
				now.add(file);
			}
		}
		this.copy = BatchCopy.start(agency, now, store, files(), bytes -> copied.accept(bytes));
	}

	/** For the launcher ({@link java.util.ServiceLoader}). */
	public static final class Begin implements CommandHeadStart.Factory {

		@Override
		public CommandHeadStart begin(List<String> command, List<String> settings) {
			return ImportHeadStart.begin(command, settings);
		}
	}

	/**
	 * Begins the import's copy for these arguments of the command line (the command's own, then the settings),
	 * or returns null where it cannot: not an import, arguments the command will refuse, a folder not there.
	 */
	static ImportHeadStart begin(List<String> command, List<String> settings) {
		if (command.isEmpty() || !command.get(0).equals("import") || "false".equals(System.getProperty(SWITCH))) {
			return null;
		}
		try {
			ImportCommand parsed = new ImportCommand(null, null, null);
			CommandLine.ParseResult result = new CommandLine(parsed)
				.parseArgs(command.subList(1, command.size()).toArray(String[]::new));
			if (result.isUsageHelpRequested() || result.isVersionHelpRequested()) {
				return null;
			}
			Path real = parsed.folder.toAbsolutePath().toRealPath();
			Settings given = Settings.of(settings);
			if (!Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS) || given.overlaps(real)) {
				return null;
			}
			return new ImportHeadStart(parsed, real, given);
		}
		catch (IOException | RuntimeException e) {
			// the command itself says what is wrong, once the application has started
			return null;
		}
	}

	/** Whether this copy is the import the application was asked for, into the same store. */
	boolean fits(String agency, String device, Path realFolder, BlobStore store, ZoneId zone) {
		return this.agency.equals(agency) && this.device.equals(device) && this.realFolder.equals(realFolder)
				&& this.zone.equals(zone) && EarlyStores.same(this.store, store);
	}

	/** The files that wait for the application: recorded by this command before, to be confirmed. */
	Set<SourceFile> deferred() {
		return deferred;
	}

	/**
	 * Records what was copied and what is still copying, except the files left out (already recorded: discarded
	 * if copied); returns the outcome of each file copied here, in the listing's order, null for one left out.
	 */
	Map<SourceFile, RecordingImports.Outcome> finish(FileRecorder recorder, Set<SourceFile> leftOut,
			ImportProgress progress) {
		synchronized (this) {
			copied = progress::copied;
		}
		progress.copied(copiedBefore.getAndSet(0));
		List<SourceFile> copying = listing.files().stream().filter(file -> !deferred.contains(file)).toList();
		List<RecordingImports.Outcome> outcomes = copy.finish(recorder, leftOut, progress::copied);
		Map<SourceFile, RecordingImports.Outcome> byFile = new HashMap<>();
		for (int i = 0; i < copying.size(); i++) {
			byFile.put(copying.get(i), outcomes.get(i));
		}
		return byFile;
	}

	/** Notes a file recorded (or found already recorded) from this device, for the next run's head start. */
	synchronized void recorded(SourceFile file, long size, Instant modified) {
		try {
			Files.createDirectories(notes.getParent());
			try (Writer out = Files.newBufferedWriter(notes, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND)) {
				out.write(file.name().replace('\t', ' ').replace('\n', ' ') + "\t" + signature(size, modified) + "\n");
			}
		}
		catch (IOException e) {
			// only a hint: the next run reads the file again, and the database still knows it
		}
	}

	/** Discards whatever was copied and not recorded, and lets go of the early store. */
	@Override
	public synchronized void close() {
		if (closed) {
			return;
		}
		closed = true;
		copy.abandon();
		EarlyStores.release(store);
	}

	private Map<String, String> readNotes() {
		Map<String, String> recorded = new HashMap<>();
		try {
			for (String line : Files.readAllLines(notes, StandardCharsets.UTF_8)) {
				int tab = line.indexOf('\t');
				if (tab > 0) {
					recorded.put(line.substring(0, tab), line.substring(tab + 1));
				}
			}
		}
		catch (IOException e) {
			// none yet
		}
		return recorded;
	}

	private CopySources files() {
		return new CopySources() {
			@Override
			public DeviceFile open(SourceFile file) throws IOException {
				return RecordingImports.underFolder(realFolder, DeviceFile::open).open(file.path());
			}

			@Override
			public long size(SourceFile file) {
				return sizes.get(file);
			}

			@Override
			public LocalDate day(SourceFile file) {
				Instant modified = OriginalFacts.modified(file.path());
				return LocalDate.ofInstant(modified == null ? java.time.Clock.system(zone).instant() : modified, zone);
			}
		};
	}

	private static String signature(long size, Instant modified) {
		return size + "\t" + (modified == null ? "-" : modified.toEpochMilli());
	}

	private static String key(String device) {
		try {
			return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
				.digest(device.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException("every JDK has SHA-256", e);
		}
	}

	/** The settings the store and the day of a file depend on, as the application will read them. */
	record Settings(Path dataDir, Path storeRoot, Path secondRoot, boolean sm3InPass, ZoneId zone) {

		/**
		 * Whether the folder holds or lies in Custodia's own data, which is never imported (ImportRoots): "/" would
		 * otherwise be copied until the application refuses it.
		 */
		boolean overlaps(Path folder) {
			for (Path own : java.util.Arrays.asList(dataDir, storeRoot, secondRoot)) {
				Path real = own == null ? null : own.toAbsolutePath().normalize();
				if (real != null && (folder.startsWith(real) || real.startsWith(folder))) {
					return true;
				}
			}
			return false;
		}

		static Settings of(List<String> settings) {
			Map<String, String> given = new HashMap<>();
			for (String setting : settings) {
				int equals = setting.indexOf('=');
				if (setting.startsWith("--") && equals > 2) {
					given.put(setting.substring(2, equals), setting.substring(equals + 1));
				}
			}
			Path dataDir = Path.of(value(given, "custodia.data-dir", "./data"));
			String root = value(given, "custodia.storage.root", null);
			String second = value(given, "custodia.storage.second-root", null);
			return new Settings(dataDir, root == null ? dataDir.resolve("store") : Path.of(root),
					second == null || second.isBlank() ? null : Path.of(second),
					Boolean.parseBoolean(value(given, "custodia.storage.sm3-in-pass", "false")),
					ZoneId.of(value(given, "custodia.time-zone", "Asia/Shanghai")));
		}

		/** A setting of the command line, else of the environment (as Spring names it there), else the default. */
		private static String value(Map<String, String> given, String name, String otherwise) {
			if (given.containsKey(name)) {
				return given.get(name);
			}
			String environment = System.getenv(name.replace("-", "").replace('.', '_').toUpperCase(java.util.Locale.ROOT));
			return environment != null ? environment : otherwise;
		}
	}
}
