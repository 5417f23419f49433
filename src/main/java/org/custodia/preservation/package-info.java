/**
 * 四性检测 (DA/T 70-2018): the authenticity, integrity, usability and security of stored recordings, for one
 * recording, a case or an agency's whole store, each check with its result and the figures it compared; as JSON,
 * a page, a PDF report and a command.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "storage", "ledger", "recording",
		"media", "activity", "policy", "web" })
package org.custodia.preservation;
