package org.custodia.storage;

/**
 * What {@link BlobRemoval} asks, at the moment it would remove a stored file, whether this key may go: approved for
 * disposal, its waiting period passed, no hold standing on what it belongs to, and no record still living that names
 * it. The store holds no rule of its own about this; the module that keeps disposals answers from its database.
 */
public interface DisposalWarrant {

	/**
	 * Whether {@code key} may be removed now. Asked afresh for every key, immediately before its removal; false (or an
	 * exception) keeps the file.
	 */
	boolean confirms(String key);
}
