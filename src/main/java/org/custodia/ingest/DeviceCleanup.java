package org.custodia.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEvent;
import org.custodia.policy.Action;
import org.custodia.policy.PolicyDecisions;
import org.custodia.recording.Recording;
import org.custodia.recording.RecordingRegister;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.custodia.storage.BlobStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Frees a device's storage after its import, only when the workstation allows it and the custodian
 * asks: none of the five agencies' rules orders it, but a device needs free storage before use
 * (003 art. 7). A file is removed only when its stored copy, read back, has the SHA-256 and size
 * recorded at import; everything else stays on the device.
 */
@Component
class DeviceCleanup {

	/** What became of one file on the device. */
	record Removal(String file, boolean removed, String reason) {
	}

	/** No agency's rule orders clearing devices; the workstation decides, and a refusal says so. */
	static final String RULE = "custodia: originals stay on the device unless the workstation allows removal "
			+ "(no agency rule orders it; 003 art. 7 asks for free storage before use)";

	private final boolean allowed;

	private final BlobStore store;

	private final RecordingRegister recordings;

	private final PolicyDecisions decisions;

	private final Ledger ledger;

	private final TransactionTemplate transactions;

	private final ImportRoots roots;

	DeviceCleanup(@Value("${custodia.ingest.allow-removal-from-device:false}") boolean allowed, BlobStore store,
			RecordingRegister recordings, PolicyDecisions decisions, Ledger ledger, TransactionTemplate transactions,
			ImportRoots roots) {
		this.roots = roots;
		this.allowed = allowed;
		this.store = store;
		this.recordings = recordings;
		this.decisions = decisions;
		this.ledger = ledger;
		this.transactions = transactions;
	}

	/** Refuses up front, before anything is imported, when removal is asked for but not allowed. */
	void checkAllowed(Actor actor, String agency) {
		decisions.decide(actor, Action.IMPORT, agency).orThrow();
		if (!allowed) {
			throw CustodiaException.refused("error.removal-not-allowed", RULE);
		}
	}

	List<Removal> removeImported(Actor actor, String agency, Path folder, List<RecordingImports.Outcome> outcomes) {
		checkAllowed(actor, agency);
		// The same real folder the import read: nothing is removed through a link or outside the roots.
		Path root = roots.check(agency, folder.toAbsolutePath());
		List<Removal> removals = new ArrayList<>();
		List<Map<String, Object>> removed = new ArrayList<>();
		for (RecordingImports.Outcome outcome : outcomes) {
			Path file = root.resolve(outcome.file()).normalize();
			String refusal = refusal(agency, root, file, outcome);
			if (refusal == null) {
				try {
					Files.delete(file);
					removed.add(Map.of("file", outcome.file(), "sha256", outcome.sha256(), "recording",
							outcome.recordingId().toString()));
				}
				catch (IOException e) {
					refusal = "delete-failed";
				}
			}
			removals.add(new Removal(outcome.file(), refusal == null, refusal));
		}
		if (!removed.isEmpty()) {
			transactions.executeWithoutResult(status -> removed.forEach(entry -> ledger.append(LedgerEvent.by(actor,
					agency, "recording.removed-from-device", "recording", (String) entry.get("recording"), entry))));
		}
		return removals;
	}

	/** Why the file must stay on the device, or null when its copy is verified and committed. */
	private String refusal(String agency, Path root, Path file, RecordingImports.Outcome outcome) {
		if (outcome.recordingId() == null || outcome.sha256() == null) {
			return "not-stored";
		}
		if (!file.startsWith(root) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
			return "not-on-device";
		}
		Recording recording = recordings.find(outcome.recordingId()).orElse(null);
		if (recording == null || !recording.agency().equals(agency) || !recording.sha256().equals(outcome.sha256())) {
			return "not-committed";
		}
		try {
			if (Files.size(file) != recording.size() || !store.sha256(recording.blobKey()).equals(recording.sha256())) {
				return "copy-differs";
			}
			// Not read by this import (known by its path, size and time): its bytes are compared before it goes.
			if (outcome.result() == ImportResult.ALREADY_IMPORTED && !sha256(file).equals(recording.sha256())) {
				return "copy-differs";
			}
		}
		catch (IOException | RuntimeException e) {
			return "copy-unreadable";
		}
		return null;
	}

	private static String sha256(Path file) throws IOException {
		java.security.MessageDigest digest;
		try {
			digest = java.security.MessageDigest.getInstance("SHA-256");
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException("every JDK has SHA-256", e);
		}
		try (var in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
			byte[] buffer = new byte[1 << 20];
			for (int read; (read = in.read(buffer)) > 0;) {
				digest.update(buffer, 0, read);
			}
		}
		return java.util.HexFormat.of().formatHex(digest.digest());
	}
}
