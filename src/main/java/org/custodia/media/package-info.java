/**
 * Copies derived from originals: browser proxies, clips and watermarked copies, each made in the
 * background with FFmpeg as a new object in the write-once store that names its original and its
 * own hash. Originals are only ever read.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "policy", "ledger", "storage" })
package org.custodia.media;
