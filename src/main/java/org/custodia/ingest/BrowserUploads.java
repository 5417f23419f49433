package org.custodia.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.UUID;

import org.custodia.policy.Action;
import org.custodia.policy.PolicyDecisions;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.custodia.shared.CustodiaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import me.desair.tus.server.TusFileUploadService;
import me.desair.tus.server.exception.TusException;
import me.desair.tus.server.upload.UploadInfo;

/**
 * Resumable uploads (tus protocol) from a browser: files from a phone or a recorder that never sit
 * on the workstation's disk. Each upload belongs to the user who created it; a finished upload is
 * imported like a file of a folder and then removed here.
 */
@Component
public class BrowserUploads {

	/**
	 * The tus service and the key it files the actor's uploads under: the user name, so nobody else can
	 * resume, inspect or remove them.
	 */
	public record Session(TusFileUploadService tus, String owner) {
	}

	/** Where the tus endpoint answers, an upload's id appended. */
	public static final String URI = "/api/v1/uploads";

	/** The tus header announcing a length sent later; no client of ours does, and refusing it keeps empty files apart. */
	public static final String DEFERRED_LENGTH = "Upload-Defer-Length";

	static final long MAX_SIZE = 64L << 30;

	static final Duration EXPIRY = Duration.ofDays(7);

	/** The label of an upload is shown, never used as a path; this is long enough for any real file name. */
	static final int MAX_LABEL = 255;

	private static final Logger log = LoggerFactory.getLogger(BrowserUploads.class);

	private final TusFileUploadService tus;

	private final Path storage;

	private final PolicyDecisions decisions;

	BrowserUploads(CustodiaProperties properties, PolicyDecisions decisions) {
		this.decisions = decisions;
		this.storage = properties.dataDir().resolve("uploads").toAbsolutePath();
		this.tus = new TusFileUploadService().withUploadUri(URI)
			.withStoragePath(storage.toString())
			.withMaxUploadSize(MAX_SIZE)
			.withUploadExpirationPeriod(EXPIRY.toMillis());
	}

	/** Only those who may import may upload at all (REC-1). */
	public Session sessionFor(Actor actor) {
		decisions.decide(actor, Action.IMPORT, actor.agency().orElse(null)).orThrow();
		return new Session(tus, owner(actor));
	}

	/**
	 * The finished upload of that owner as a file to import; {@code reference} is the upload's URL
	 * (as tus-js-client reports it) or its id.
	 */
	SourceFile finished(Actor actor, String reference) {
		UploadInfo info = info(owner(actor), reference);
		if (info.isUploadInProgress() && !isEmpty(info)) {
			throw CustodiaException.conflict("error.upload-incomplete", label(info.getFileName()));
		}
		// tus-java-server's disk layout: <storage>/uploads/<id>/data holds the bytes.
		Path data = storage.resolve("uploads").resolve(info.getId().toString()).resolve("data");
		if (!Files.isRegularFile(data, LinkOption.NOFOLLOW_LINKS)) {
			throw CustodiaException.notFound("error.upload-not-found", reference);
		}
		keepRecordedTime(info, data);
		return new SourceFile(data, label(info.getFileName()));
	}

	/** The name an upload was sent under, or the reference itself for an upload that is not there. */
	String labelOf(Actor actor, String reference) {
		try {
			return label(info(owner(actor), reference).getFileName());
		}
		catch (CustodiaException e) {
			return reference;
		}
	}

	/**
	 * tus-java-server keeps a length of 0 as "no length yet", as for a deferred length; deferring is refused
	 * here ({@link #DEFERRED_LENGTH}), so an upload without a length and nothing received is an empty file.
	 */
	private static boolean isEmpty(UploadInfo info) {
		return !info.hasLength() && Long.valueOf(0).equals(info.getOffset());
	}

	void delete(Actor actor, String reference) {
		try {
			tus.deleteUpload(uri(reference), owner(actor));
		}
		catch (IOException | TusException e) {
			log.warn("could not remove the finished upload {}: {}", reference, e.getMessage());
		}
	}

	/** Uploads nobody finished within the expiry period are given up. */
	@Scheduled(initialDelayString = "PT10M", fixedDelayString = "${custodia.ingest.upload-cleanup-interval:PT6H}")
	void cleanup() {
		try {
			tus.cleanup();
		}
		catch (IOException e) {
			log.warn("cleaning up expired uploads failed: {}", e.getMessage());
		}
	}

	private static String owner(Actor actor) {
		return actor.username();
	}

	private UploadInfo info(String owner, String reference) {
		try {
			UploadInfo info = tus.getUploadInfo(uri(reference), owner);
			if (info == null) {
				throw CustodiaException.notFound("error.upload-not-found", reference);
			}
			return info;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (TusException e) {
			throw CustodiaException.notFound("error.upload-not-found", reference);
		}
	}

	/** The upload's URI from its URL or id; anything but an upload id is refused. */
	static String uri(String reference) {
		String id = reference == null ? "" : reference.strip();
		id = id.substring(id.lastIndexOf('/') + 1);
		try {
			return URI + "/" + UUID.fromString(id);
		}
		catch (IllegalArgumentException e) {
			throw CustodiaException.badRequest("error.upload-reference", reference);
		}
	}

	/**
	 * What the user calls the file: the last segment of what the browser sent, without control
	 * characters, cut to {@link #MAX_LABEL}. It labels the recording and never names a file.
	 */
	static String label(String fileName) {
		String name = fileName == null ? "" : fileName.replaceAll("\\p{Cntrl}", "");
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
		if (name.isEmpty() || name.equals(".") || name.equals("..")) {
			name = "upload";
		}
		if (name.length() <= MAX_LABEL) {
			return name;
		}
		// The extension stays: the store keeps it on the original.
		int dot = name.lastIndexOf('.');
		String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
		return name.substring(0, MAX_LABEL - extension.length()) + extension;
	}

	/**
	 * The browser sends the file's last-modified time; the import dates a recording by its file's
	 * time, which for an upload would otherwise be the upload's.
	 */
	private static void keepRecordedTime(UploadInfo info, Path data) {
		String modified = info.getMetadata().get("lastModified");
		if (modified == null || !modified.matches("^[0-9]{1,15}$")) {
			return;
		}
		try {
			Files.setLastModifiedTime(data, FileTime.fromMillis(Long.parseLong(modified)));
		}
		catch (IOException e) {
			log.warn("could not date the upload {}: {}", info.getId(), e.getMessage());
		}
	}
}
