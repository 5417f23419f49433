package org.custodia.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.custodia.device.Device;
import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEvent;
import org.custodia.shared.CustodiaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Watches the dock's mount roots and imports a registered device's volume when it is plugged in, as
 * the workstation's own custodian ({@link WorkstationCustodian}). A volume is imported once its file list has
 * stayed unchanged for the settle time, and again only when it is docked again or new files appear;
 * only files not yet stored from that device are offered. A file that could not be read (the camera
 * was pulled out) is not remembered as imported, so the next docking completes it.
 */
@Component
@ConditionalOnProperty(name = "custodia.cli", havingValue = "false", matchIfMissing = true)
class DockWatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DockWatcher.class);

	/** A volume as last seen: its files (path to size and time) and since when they have not changed. */
	private static final class Seen {

		Map<String, String> files;

		long unchangedSince;

		boolean handled;

		Seen(Map<String, String> files, long now) {
			this.files = files;
			this.unchangedSince = now;
		}
	}

	private final DockProperties properties;

	private final DockIdentity identity;

	private final RecordingImports imports;

	private final DockActivity activity;

	private final Ledger ledger;

	private final TransactionTemplate transactions;

	/** Touched only on the watcher's thread. */
	private final Map<Path, Seen> present = new HashMap<>();

	private final DockFileRepository imported;

	private final Clock clock;

	private ScheduledExecutorService executor;

	DockWatcher(DockProperties properties, DockIdentity identity, RecordingImports imports, DockActivity activity,
			Ledger ledger, TransactionTemplate transactions, DockFileRepository imported, Clock clock) {
		this.imported = imported;
		this.clock = clock;
		this.properties = properties;
		this.identity = identity;
		this.imports = imports;
		this.activity = activity;
		this.ledger = ledger;
		this.transactions = transactions;
	}

	@Override
	public synchronized void start() {
		if (!properties.watching() || executor != null) {
			return;
		}
		executor = Executors.newSingleThreadScheduledExecutor(task -> {
			Thread thread = new Thread(task, "dock-watcher");
			thread.setDaemon(true);
			return thread;
		});
		executor.scheduleWithFixedDelay(this::pollQuietly, 0, properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
		log.info("Watching {} for docked devices every {}", properties.roots(), properties.pollInterval());
	}

	@Override
	public synchronized void stop() {
		if (executor == null) {
			return;
		}
		// An import under way finishes: stopping it halfway would only make the next docking redo it.
		executor.shutdown();
		try {
			executor.awaitTermination(1, TimeUnit.MINUTES);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		executor = null;
	}

	@Override
	public synchronized boolean isRunning() {
		return executor != null;
	}

	private void pollQuietly() {
		try {
			poll();
		}
		catch (RuntimeException e) {
			log.error("Dock poll failed; trying again at the next poll", e);
		}
	}

	void poll() {
		long now = System.nanoTime();
		List<DockVolumes.Volume> volumes = DockVolumes.under(properties.roots(), identity::recognises);
		Set<Path> seenNow = new HashSet<>();
		for (DockVolumes.Volume volume : volumes) {
			Map<String, String> files;
			try {
				files = filesOf(volume.root());
			}
			catch (UncheckedIOException e) {
				continue;
			}
			seenNow.add(volume.root());
			Seen seen = present.computeIfAbsent(volume.root(), root -> new Seen(files, now));
			if (!seen.files.equals(files)) {
				seen.files = files;
				seen.unchangedSince = now;
				seen.handled = false;
			}
			if (!seen.handled && now - seen.unchangedSince >= properties.settleTime().toNanos()) {
				seen.handled = true;
				dock(volume, files);
			}
		}
		present.keySet().retainAll(seenNow);
	}

	private void dock(DockVolumes.Volume volume, Map<String, String> files) {
		DockIdentity.Identity identified = identity.identify(volume);
		if (identified.isRefused()) {
			// An empty folder under /media (a leftover mount point, a card reader without a card) holds nothing to refuse.
			if (!files.isEmpty()) {
				refuse(volume, identified);
			}
			return;
		}
		Device device = identified.device();
		List<SourceFile> offered = new ArrayList<>();
		files.forEach((name, signature) -> {
			if (!imported.imported(device.id(), name, signature)) {
				offered.add(new SourceFile(volume.root().resolve(name), name));
			}
		});
		if (offered.isEmpty()) {
			activity.begin(volume, device.agency(), device.number(), DockActivity.State.NOTHING_NEW, 0, null, List.of());
			return;
		}
		DockActivity.DockEvent event = activity.begin(volume, device.agency(), device.number(),
				DockActivity.State.IMPORTING, offered.size(), null, List.of());
		List<RecordingImports.Outcome> outcomes;
		try {
			outcomes = imports.importFiles(WorkstationCustodian.dock(volume.name(), device.agency()), device.agency(), device.number(),
					null, offered, activity.progress(event));
		}
		catch (CustodiaException e) {
			activity.fail(event, e.messageKey(), java.util.Arrays.asList(e.arguments()));
			return;
		}
		catch (RuntimeException e) {
			log.error("Import of docked volume {} failed", volume.root(), e);
			activity.fail(event, "dock.failed.error", List.of(volume.name()));
			return;
		}
		for (RecordingImports.Outcome outcome : outcomes) {
			if (outcome.result() != ImportResult.FAILED) {
				imported.remember(device.id(), outcome.file(), files.get(outcome.file()), clock.instant());
			}
		}
		// Links and other non-files on the volume are shown with the import, not silently left out.
		List<RecordingImports.Outcome> shown = new ArrayList<>(skippedOn(volume.root()));
		shown.addAll(outcomes);
		activity.finish(event, shown);
		log.info("Docked {} ({} {}): {} files offered", volume.root(), device.agency(), device.number(), offered.size());
	}

	private void refuse(DockVolumes.Volume volume, DockIdentity.Identity identified) {
		// Only a device whose own register entry matched names its agency; anything else could be anyone's.
		String agency = identified.device() == null ? null : identified.device().agency();
		activity.begin(volume, agency, identified.device() == null ? null : identified.device().number(),
				DockActivity.State.REFUSED, 0, identified.refusal(), identified.arguments());
		transactions.executeWithoutResult(status -> ledger.append(LedgerEvent.bySystem("dock", agency, "dock.refused",
				"volume", volume.name(), Map.of("path", volume.root().toString(), "serial",
						volume.serial() == null ? "" : volume.serial(), "reason", identified.refusal()))));
		log.warn("Refused docked volume {}: {}", volume.root(), identified.refusal());
	}

	private static boolean hidden(Path relative) {
		for (Path part : relative) {
			if (part.toString().startsWith(".")) {
				return true;
			}
		}
		return false;
	}

	private List<RecordingImports.Outcome> skippedOn(Path root) {
		try {
			return FolderFiles.of(root).skipped().stream().filter(outcome -> !hidden(Path.of(outcome.file()))).toList();
		}
		catch (UncheckedIOException e) {
			return List.of();
		}
	}

	/** Every file to import, by its path on the volume; the identity file and hidden files are not evidence. */
	private Map<String, String> filesOf(Path root) {
		Map<String, String> files = new TreeMap<>();
		try (Stream<Path> walk = Files.walk(root, 8)) {
			for (Path path : walk.toList()) {
				BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
				String name = root.relativize(path).toString();
				if (attributes.isRegularFile() && !hidden(root.relativize(path)) && !name.equals(properties.identityFile())) {
					files.put(name, attributes.size() + "@" + attributes.lastModifiedTime().toMillis());
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return files;
	}
}
