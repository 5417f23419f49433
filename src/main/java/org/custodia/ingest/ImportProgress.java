package org.custodia.ingest;

/**
 * Watches an import as it runs: the command line draws a progress bar from it, the web page shows
 * live progress. Called by one thread at a time; implementations must be quick.
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

	/** The same watcher, called by one thread at a time: an import copies several files at once. */
	static ImportProgress serialized(ImportProgress progress) {
		return new ImportProgress() {
			@Override
			public synchronized void started(int files, long bytes) {
				progress.started(files, bytes);
			}

			@Override
			public synchronized void copied(long bytes) {
				progress.copied(bytes);
			}

			@Override
			public synchronized void finished(RecordingImports.Outcome outcome) {
				progress.finished(outcome);
			}
		};
	}
}
