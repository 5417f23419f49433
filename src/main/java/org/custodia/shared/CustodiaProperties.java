package org.custodia.shared;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Installation-wide settings: where data lives and whether to fill a fresh installation with demo data.
 *
 * @param dataDir the directory of the local store, the embedded database and agency policy overrides
 * @param demo fill a fresh data directory with demo users (and later devices, recordings, activities)
 */
@ConfigurationProperties("custodia")
public record CustodiaProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("false") boolean demo) {
}
