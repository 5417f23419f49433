package org.custodia.media;

import java.util.Objects;
import java.util.UUID;

/**
 * An original in the store as the module that owns it describes it: where it is, its hash and what
 * FFmpeg found in it ({@code format} is FFmpeg's input-format name, e.g. "mov,mp4,m4a,3gp,3g2,mj2").
 */
public record OriginalRef(UUID recordingId, String agency, String storeKey, String sha256, String contentType,
		String format, String videoCodec, String audioCodec) {

	public OriginalRef {
		Objects.requireNonNull(recordingId, "recordingId == null");
		Objects.requireNonNull(agency, "agency == null");
		Objects.requireNonNull(storeKey, "storeKey == null");
		Objects.requireNonNull(sha256, "sha256 == null");
	}
}
