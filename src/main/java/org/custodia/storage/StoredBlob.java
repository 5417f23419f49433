package org.custodia.storage;

/**
 * A blob as stored: its key (a relative path, {@code <agency>/<yyyy>/<mm>/<dd>/<sha256>.<ext>}),
 * SHA-256 and, when computed in the same pass, SM3 (hex), its size, and whether the store already
 * held these bytes under that key.
 */
public record StoredBlob(String key, String sha256, String sm3, long size, boolean alreadyStored) {
}
