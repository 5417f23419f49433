/**
 * The write-once store of originals: every put is hashed while it is written, durable before it
 * returns and read-only afterwards. Only {@link org.custodia.storage.BlobRemoval} removes a blob, when the
 * {@link org.custodia.storage.DisposalWarrant} of an approved disposal confirms that very key; only
 * {@link org.custodia.storage.StoredCopies#repair} replaces one, a bad or missing copy from a good one.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.custodia.storage;
