package org.custodia.access;

import java.util.UUID;

/**
 * Why a person may watch or copy a recording now: an approved request (its number, for whom, why, who approved,
 * the article), or the case handler's direct view where the regulation grants one ({@code requestId} null).
 */
public record AccessBasis(UUID requestId, String requestNumber, String forWhom, String reason, String approvedBy,
		String cite, boolean direct) {
}
