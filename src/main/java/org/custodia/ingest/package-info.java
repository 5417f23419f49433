/**
 * The collection workstation: importing recordings from docked devices, folders and resumable
 * browser uploads into the write-once store, as background jobs whose progress the page shows.
 * The administrator is refused every import: separation of duties.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "policy", "ledger", "storage", "device", "media", "recording" })
package org.custodia.ingest;
