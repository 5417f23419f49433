package org.custodia.ingest;

/**
 * Watches an import as it runs: the command line draws a progress bar from it, the web page shows
 * live progress. Called on the importing thread; implementations must be quick.
 */
public interface ImportProgress {

	ImportProgress NONE = new ImportProgress() {
	};

	/** Before the first file: how many files and bytes the import will copy. */
	default void started(int files, long bytes) {
	}

	/** Bytes of the current file copied since the last call. */
	default void copied(long bytes) {
	}

	/** One file's outcome, as soon as it is known. */
	default void finished(RecordingImports.Outcome outcome) {
	}
}
