/**
 * Access to recordings (调阅): requests from staff and from outsiders entered by the register's keeper, decided by
 * the approver the agency's rules name; the approvals in force, which alone let a person watch or copy (besides the
 * case handler's direct view where a regulation grants it); the access register (查阅登记簿) of every view, copy,
 * print, release and public use; the byte-range streaming behind the player; one ledger entry per viewing session.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "policy", "ledger", "storage",
		"media", "device", "recording", "activity", "web", "retention" })
package org.custodia.access;
