package org.custodia.shared;

import java.util.Map;
import java.util.function.Consumer;

/**
 * The stored originals and copies a module keeps rows for (ARC-1/ARC-2): each module that puts blobs in
 * the store lists their keys with the hashes it holds, so that the integrity sweep can read every copy
 * again and tell what a damaged or lost file was.
 */
public interface KeptBlobs {

	/**
	 * One row that names a stored blob.
	 *
	 * @param key the store key
	 * @param sha256 the SHA-256 the row holds
	 * @param sm3 the SM3 the row holds, null where not computed
	 * @param agency the agency the blob belongs to
	 * @param subjectType what the row is ({@code recording}, {@code derived-copy}, {@code access-document})
	 * @param subjectId its id
	 * @param about what a person needs to know of it when it is lost (file name, time, recording)
	 */
	record Kept(String key, String sha256, String sm3, String agency, String subjectType, String subjectId,
			Map<String, String> about) {
	}

	/** Every row of this module that names a blob. */
	void forEachKept(Consumer<Kept> kept);

	/** What a module knows of another's subject (the activity a recording belongs to), for a loss report. */
	interface About {

		/** More about the subject, empty when this module knows nothing of it. */
		Map<String, String> about(String subjectType, String subjectId);
	}
}
