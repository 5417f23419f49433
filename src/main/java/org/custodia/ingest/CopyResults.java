package org.custodia.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** The outcomes of {@link BatchCopy}'s copies, each waited for even after one broke. */
final class CopyResults {

	private CopyResults() {
	}

	/** Every outcome, in order; the first failure is thrown once all are done. */
	static List<RecordingImports.Outcome> all(Collection<CompletableFuture<RecordingImports.Outcome>> results) {
		List<RecordingImports.Outcome> outcomes = new ArrayList<>();
		RuntimeException broke = null;
		for (CompletableFuture<RecordingImports.Outcome> result : results) {
			try {
				outcomes.add(one(result));
			}
			catch (RuntimeException e) {
				broke = broke == null ? e : broke;
			}
		}
		if (broke != null) {
			throw broke;
		}
		return outcomes;
	}

	private static RecordingImports.Outcome one(CompletableFuture<RecordingImports.Outcome> result) {
		try {
			return result.get();
		}
		catch (InterruptedException e) {
			// Still wait for the copy: it must not write after the import returned.
			Thread.currentThread().interrupt();
			return result.join();
		}
		catch (ExecutionException e) {
			throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
		}
	}
}
