/**
 * Each agency's regulation as data: one validated YAML file per agency, every rule with its
 * citation, and the decisions ("may role R do A on a record of agency G, and who approves?")
 * that every other module takes from here.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "ledger", "web" })
package org.custodia.policy;
