/**
 * Fixity over the years (ARC-1/ARC-2): every stored copy read again within a period, compared with the
 * hashes its rows hold, a bad or missing copy repaired from a good one, each finding and repair a ledger
 * entry and an alert on the home page of the custodian and the administrator.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "storage", "ledger" })
package org.custodia.fixity;
