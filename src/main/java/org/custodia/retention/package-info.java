/**
 * How long each recording is kept and what stops its disposal (RET-1…3): the keep-until date, or keeping without end,
 * from its agency's policy and the rule that decided it (base period from the end of its activity, long-term marks,
 * evidence kept with the case file, complete keeping); and holds (case, dispute, complaint, access request,
 * investigation), placed and released with their reasons; and approved disposal: proposed by the custodian, approved by
 * another person the policy names, carried out after a waiting period through the store's one removing path, leaving
 * the recording's row as its tombstone and a disposal list (销毁清册).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "ledger", "policy", "recording",
		"activity", "web", "media", "storage", "identity" })
package org.custodia.retention;
