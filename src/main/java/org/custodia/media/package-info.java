/**
 * Reading media (what an original says about itself, the times it states, its poster frame and seek strip)
 * and copies derived from originals: browser proxies, clips and watermarked copies, each made in the
 * background with FFmpeg as a new object in the write-once store that names its original and its own hash.
 * The proxy of a new recording is asked for on hearing {@link org.custodia.shared.RecordingIngested}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "policy", "ledger", "storage" })
package org.custodia.media;
