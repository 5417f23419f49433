package org.custodia.identity;

import java.time.Instant;
import java.util.UUID;

/** A newly created token: the only time the secret {@code token} is available. */
public record IssuedToken(UUID id, String token, String tokenType, Instant expiresAt) {
}
