package org.custodia.ingest;

/**
 * What became of one file of an import. The names are the API's and the command line's words for it, and
 * the keys of its messages ({@code imports.result.<NAME>}).
 */
public enum ImportResult {

	/** Copied, verified and registered as a new recording. */
	STORED,
	/** The store already held these bytes for the agency: linked to that recording, not stored twice. */
	DUPLICATE,
	/**
	 * Recorded from this device before under the same path, size and time (an import resumed after it was
	 * stopped, a folder imported again): not read again.
	 */
	ALREADY_IMPORTED,
	/** Not stored; the file stays where it was, to be imported again. */
	FAILED,
	/** Not read at all: a link, a device node or a folder that cannot be read. */
	SKIPPED
}
