package org.custodia.recording;

import java.time.Instant;
import java.util.UUID;

import org.custodia.media.MediaFacts;

/**
 * An original as imported: where it lies in the store, its hashes, size and type, what the file
 * says about itself, when it was recorded and how that is known, by when it had to be imported and how late it came.
 *
 * @param timeSource where {@code recordedAt}/{@code recordedEnd} come from: {@code media-offset} (the
 *        file states the time with its offset), {@code media-local} (the file states a local time, read
 *        in the agency's zone), {@code file-name} (the device's file name), {@code file-time} (the
 *        file's modification time on the device: the end of recording)
 * @param lateMinutes minutes the import came after {@code importDeadline}, null when in time
 * @param importDeadline when the recording had to be in the store by its agency's rule (REC-1), after the
 *        exception the regulation allows where a late reason moved it; null when the recording's time is unknown
 * @param deadlineCite the rule that set {@code importDeadline}
 * @param clockFinding set when the times the file claims point at a wrong device clock
 *        ({@code future}: ahead of the workstation's clock; {@code far-from-copy}: so long before the copy that
 *        a reset clock is likelier than a forgotten card)
 * @param disposedAt when an approved disposal removed its original (RET-1): the row stays as its tombstone, nothing
 *        of it plays any more; null while it is kept
 */
public record Recording(UUID id, String agency, UUID deviceId, UUID officerId, String blobKey, String sha256,
		String sm3, long size, String originalName, String contentType, Instant recordedAt, Instant recordedEnd,
		String timeSource, Instant importedAt, String importedBy, Long lateMinutes, Instant importDeadline,
		String deadlineCite, boolean readable, String problem,
		MediaFacts media, NameFacts fileName, String clockFinding, boolean poster, Instant disposedAt) {

	/** The original as the media module reads it, to derive copies from. */
	public org.custodia.media.OriginalRef asOriginal() {
		return new org.custodia.media.OriginalRef(id, agency, blobKey, sha256, contentType, media == null ? null : media.format(),
				media == null ? null : media.videoCodec(), media == null ? null : media.audioCodec());
	}

	/** Whether an approved disposal removed the original: the row is its tombstone. */
	public boolean disposed() {
		return disposedAt != null;
	}

	/** Sound or pictures that move: what a browser proxy is made for when the browser cannot play it. */
	public boolean isVideoOrAudio() {
		return contentType != null && (contentType.startsWith("video/") || contentType.startsWith("audio/"));
	}
}
