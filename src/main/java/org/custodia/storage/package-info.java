/**
 * The write-once store of originals: every put is hashed while it is written, durable before it
 * returns and read-only afterwards; nothing here overwrites or deletes a stored blob.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.custodia.storage;
