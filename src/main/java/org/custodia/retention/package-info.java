/**
 * How long each recording is kept and what stops its disposal (RET-1…3): the keep-until date, or keeping without end,
 * from its agency's policy and the rule that decided it (base period from the end of its activity, long-term marks,
 * evidence kept with the case file, complete keeping); and holds (case, dispute, complaint, access request,
 * investigation), placed and released with their reasons. Disposal and fixity build on this.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "ledger", "policy", "recording",
		"activity", "web" })
package org.custodia.retention;
