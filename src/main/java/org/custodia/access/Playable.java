package org.custodia.access;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/**
 * A file the player may stream: the original or a derived copy, with what HTTP needs to serve it in
 * byte ranges. {@code object} names it in the viewing record: {@code original} or the derived copy's id;
 * {@code basis} is why this person may watch it, and {@code registerAs} the line the access register gets.
 */
public record Playable(UUID recordingId, String agency, String object, Path file, long size, String contentType,
		String sha256, Instant lastModified, String recordingName, AccessBasis basis,
		AccessRegisterEntry.Kind registerAs) {

	/** A strong validator: the bytes' own hash, which never changes for a stored object. */
	public String etag() {
		return "\"" + sha256 + "\"";
	}
}
