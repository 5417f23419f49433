package org.custodia.ingest;

import java.time.Instant;
import java.util.UUID;

/**
 * An original as imported: where it lies in the store, its SHA-256, size and type, when it was
 * recorded (the file's time until media metadata is read), and how late it came against the policy.
 */
public record Recording(UUID id, String agency, UUID deviceId, UUID officerId, String blobKey, String sha256,
		long size, String originalName, String contentType, Instant recordedAt, Instant importedAt, String importedBy,
		Long lateMinutes, boolean readable, String problem) {
}
