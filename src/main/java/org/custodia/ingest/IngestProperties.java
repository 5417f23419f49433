package org.custodia.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where imports by path may read, besides the dock's roots.
 *
 * @param importRoots per agency code, the folders its custodians may import from, such as
 * {@code custodia.ingest.import-roots.zhanhe-health=/srv/import/zhanhe,/mnt/card}; none by default
 */
@ConfigurationProperties("custodia.ingest")
public record IngestProperties(@DefaultValue Map<String, List<Path>> importRoots) {

	public IngestProperties {
		importRoots = importRoots == null ? Map.of() : Map.copyOf(importRoots);
	}
}
