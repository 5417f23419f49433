package org.custodia.ingest;

import org.custodia.storage.StoredBlob;

/** How the files {@link BatchCopy} made durable become recordings; called from the copying threads. */
interface FileRecorder {

	/** The file is durable in the store: records it and says how it went. */
	RecordingImports.Outcome stored(SourceFile file, String type, StoredBlob blob);

	/** Told as soon as a file failed, while the others go on. */
	void failed(RecordingImports.Outcome outcome);
}
