/**
 * The collection workstation: dock watching, import jobs, resumable browser uploads and the CLI import,
 * copying recordings into the write-once store and handing each to the recording module's register. The
 * administrator is refused every import: separation of duties. Its pages and API ({@code ingest.web}) go
 * through DockOverview, ImportsPage, BackgroundImports, FolderImports and BrowserUploads.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "policy", "ledger", "storage",
		"device", "media", "recording" })
package org.custodia.ingest;
