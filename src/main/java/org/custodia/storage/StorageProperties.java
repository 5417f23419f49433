package org.custodia.storage;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the store lives.
 *
 * @param root the store's directory; by default {@code <data-dir>/store}
 * @param secondRoot another disk or a NAS mount that receives a verified second copy of every put (ARC-2)
 * @param sm3InPass compute SM3 (DA/T 97-2023) in the same pass as SHA-256; slower than the disk, so off by default
 */
@ConfigurationProperties("custodia.storage")
public record StorageProperties(Path root, Path secondRoot, @DefaultValue("false") boolean sm3InPass) {
}
