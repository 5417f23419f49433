/**
 * The append-only record of every event that touches a record, a device or an account. Callers
 * append inside their own transaction, so that no change commits without its entry.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.custodia.ledger;
