package org.custodia.ingest;

import java.nio.file.Path;

import com.jayway.jsonpath.JsonPath;
import org.custodia.TestMedia;

/** The sha256 that the shared media manifest gives for a file, computed by its publisher, not by us. */
final class ManifestSums {

	private ManifestSums() {
	}

	static String of(String file) {
		try {
			java.util.List<String> sums = JsonPath.parse(TestMedia.file("manifest.json").toFile())
				.read("$.files[?(@.file == '" + file + "')].sha256");
			return sums.get(0);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
