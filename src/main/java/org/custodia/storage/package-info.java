/**
 * The write-once store of originals: every put is hashed while it is written, durable before it
 * returns and read-only afterwards; nothing here overwrites a stored blob, and only {@link org.custodia.storage.BlobRemoval}
 * removes one, when the {@link org.custodia.storage.DisposalWarrant} of an approved disposal confirms that very key.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.custodia.storage;
