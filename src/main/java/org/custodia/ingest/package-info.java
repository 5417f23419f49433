/**
 * The collection workstation: importing recordings from docked devices, folders and uploads into
 * the write-once store. For now only the recordings endpoint, whose refusal of the administrator
 * proves the separation of duties.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "policy", "ledger", "storage", "device" })
package org.custodia.ingest;
