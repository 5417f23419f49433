package org.custodia.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEvent;
import org.custodia.shared.CustodiaProperties;
import org.custodia.storage.BlobStore;
import org.custodia.storage.StoredBlob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes one requested copy: takes it, writes the file under {@code <data-dir>/work/media/<id>/}, puts it
 * into the store and records the result with its ledger entry. A copy that cannot be made ends FAILED
 * with its problem; the work directory is removed either way, so nothing half-made stays behind.
 */
@Component
class DerivedCopyWork {

	private static final Logger log = LoggerFactory.getLogger(DerivedCopyWork.class);

	private final DerivedCopyRepository copies;

	private final BlobStore store;

	private final Ledger ledger;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Path workRoot;

	DerivedCopyWork(DerivedCopyRepository copies, BlobStore store, Ledger ledger, TransactionTemplate transactions,
			Clock clock, CustodiaProperties properties) {
		this.copies = copies;
		this.store = store;
		this.ledger = ledger;
		this.transactions = transactions;
		this.clock = clock;
		this.workRoot = properties.dataDir().resolve("work").resolve("media");
	}

	/** Copies a killed process was making are made again from the start ({@link InterruptedCopies}). */
	void releaseInterrupted() {
		int released = copies.releaseInterrupted();
		if (released > 0) {
			log.info("{} derived copies interrupted by a stop are waiting to be made again", released);
		}
	}

	/** Makes the copy if no other worker took it; true when it ended READY or FAILED here. */
	boolean make(UUID id) {
		if (!copies.claim(id)) {
			return false;
		}
		DerivedCopyRepository.Work work = copies.find(id).orElseThrow();
		Path dir = workRoot.resolve(id.toString());
		try {
			Files.createDirectories(dir);
			Transcoder.Made made = makeFile(work, dir);
			refuseTheOriginalItself(work, made);
			StoredBlob blob;
			try (InputStream in = Files.newInputStream(made.file())) {
				blob = store.put(work.copy().agency(), LocalDate.ofInstant(clock.instant(), clock.getZone()),
						made.file().getFileName().toString(), in);
			}
			ready(work, made, blob);
		}
		catch (MakingFailedException e) {
			failed(work, e.problem());
		}
		catch (IOException | RuntimeException e) {
			log.warn("derived copy {} could not be made", id, e);
			failed(work, "internal: " + e);
		}
		finally {
			delete(dir);
		}
		return true;
	}

	private Transcoder.Made makeFile(DerivedCopyRepository.Work work, Path dir) throws IOException {
		Path original = original(work.originalKey(), dir);
		DerivedCopy copy = work.copy();
		return switch (copy.kind()) {
			case PROXY -> Transcoder.encode(original, dir, Transcoder.Span.WHOLE, null);
			case WATERMARKED -> Transcoder.encode(original, dir, Transcoder.Span.WHOLE, new Watermark(work.watermarkText()));
			case STILL -> Stills.grab(original, dir.resolve(copy.id() + ".jpg"), copy.fromMillis(),
					new Watermark(work.watermarkText()));
			case CLIP -> {
				var span = new Transcoder.Span(copy.fromMillis() * 1000, copy.toMillis() * 1000);
				yield PacketClip.cut(original, dir, span)
					.orElseGet(() -> Transcoder.encode(original, dir, span, null));
			}
		};
	}

	/**
	 * A copy with the original's very bytes is no copy: storing it would keep the same evidence twice under
	 * another name. It is not stored; the request ends with the reason, and playback stays on the original.
	 */
	private static void refuseTheOriginalItself(DerivedCopyRepository.Work work, Transcoder.Made made) throws IOException {
		if (work.originalSha256().equalsIgnoreCase(sha256(made.file()))) {
			throw new MakingFailedException(DerivedCopy.SAME_AS_ORIGINAL, "the copy made has the original's SHA-256 "
					+ work.originalSha256() + ": the original itself is played");
		}
	}

	private static String sha256(Path file) throws IOException {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	/** The store's own read-only file where it has one (FFmpeg reads it in place); a local copy otherwise. */
	private Path original(String key, Path dir) throws IOException {
		if (!store.exists(key)) {
			throw new MakingFailedException("original-missing", "the store holds no " + key);
		}
		var local = store.localFile(key);
		if (local.isPresent()) {
			return local.get();
		}
		String name = key.substring(key.lastIndexOf('/') + 1);
		// FFmpeg guesses some formats (AMR, raw AAC) from the extension as well as the bytes
		Path copy = dir.resolve("original" + (name.contains(".") ? name.substring(name.lastIndexOf('.')) : ""));
		try (InputStream in = store.open(key, 0, -1)) {
			Files.copy(in, copy);
		}
		return copy;
	}

	private void ready(DerivedCopyRepository.Work work, Transcoder.Made made, StoredBlob blob) {
		DerivedCopy copy = work.copy();
		Instant now = clock.instant();
		Map<String, Object> payload = payload(work);
		payload.put("sha256", blob.sha256());
		payload.put("size", blob.size());
		payload.put("storeKey", blob.key());
		payload.put("contentType", made.contentType());
		if (copy.kind() == DerivedCopy.Kind.CLIP || copy.kind() == DerivedCopy.Kind.STILL) {
			payload.put("actualFromMillis", made.actualFromMillis());
		}
		if (made.actualToMillis() != null) {
			payload.put("actualToMillis", made.actualToMillis());
		}
		transactions.executeWithoutResult(status -> {
			if (copies.ready(copy.id(), blob.key(), blob.sha256(), blob.size(), made.contentType(),
					made.actualFromMillis(), made.actualToMillis(), now)) {
				ledger.append(LedgerEvent.bySystem("media", copy.agency(), "media.derived-made", "derived-copy",
						copy.id().toString(), payload));
			}
		});
	}

	private void failed(DerivedCopyRepository.Work work, String problem) {
		DerivedCopy copy = work.copy();
		Instant now = clock.instant();
		Map<String, Object> payload = payload(work);
		payload.put("problem", problem);
		transactions.executeWithoutResult(status -> {
			if (copies.failed(copy.id(), problem, now)) {
				ledger.append(LedgerEvent.bySystem("media", copy.agency(), "media.derived-failed", "derived-copy",
						copy.id().toString(), payload));
			}
		});
	}

	private static Map<String, Object> payload(DerivedCopyRepository.Work work) {
		DerivedCopy copy = work.copy();
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("kind", copy.kind().name());
		payload.put("recordingId", copy.recordingId().toString());
		payload.put("originalSha256", work.originalSha256());
		if (copy.kind() == DerivedCopy.Kind.STILL) {
			payload.put("atMillis", copy.fromMillis());
		}
		else if (copy.fromMillis() != null) {
			payload.put("fromMillis", copy.fromMillis());
			payload.put("toMillis", copy.toMillis());
		}
		if (copy.madeFor() != null) {
			payload.put("madeFor", copy.madeFor());
		}
		if (copy.requestRef() != null) {
			payload.put("requestRef", copy.requestRef());
		}
		return payload;
	}

	private static void delete(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> {
				try {
					Files.delete(path);
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
		catch (IOException | UncheckedIOException e) {
			log.warn("work directory {} could not be removed", dir, e);
		}
	}
}
