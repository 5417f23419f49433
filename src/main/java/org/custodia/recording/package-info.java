/**
 * The recording: the register of stored originals and its keyset queries, their hashes (SHA-256 at import,
 * SM3 added by a job), the notes added after import (lateness against the agency's deadline, clock findings,
 * duplicates offered again, every time the file gave and the one chosen, the officer named or corrected by
 * the custodian), its API and pages. Who may be named as a recording's officer is asked of identity. It answers once "may this actor see this recording", and
 * publishes {@link org.custodia.shared.RecordingIngested} for each new recording, in the import's transaction.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "ledger", "storage", "policy", "media",
		"device", "identity", "web" })
package org.custodia.recording;
