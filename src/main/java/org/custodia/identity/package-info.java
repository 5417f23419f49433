/**
 * Agencies (tenants), their units, users and roles; login with lockout, sessions, API tokens and
 * the security configuration. Every account change is a ledger entry.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "ledger", "policy", "web" })
package org.custodia.identity;
