/**
 * Viewing recordings: who may play back which original or derived copy (the recording module answers
 * whether the actor may see it, by the playback rule), the byte-range streaming behind the player, and one
 * ledger entry per viewing session. Access requests (调阅) and copies for outside parties will live here too.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "policy", "ledger", "storage",
		"media", "device", "recording" })
package org.custodia.access;
