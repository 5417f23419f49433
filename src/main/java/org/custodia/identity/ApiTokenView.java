package org.custodia.identity;

import java.time.Instant;
import java.util.UUID;

/** An API token as listed: its prefix identifies it; the secret is shown once, at creation. */
public record ApiTokenView(UUID id, String name, String prefix, Instant createdAt, Instant expiresAt,
		Instant revokedAt, Instant lastUsedAt) {
}
