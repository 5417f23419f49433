package org.custodia.ingest;

import java.nio.file.Path;

/**
 * One file to import: where it lies now and the name the user knows it by (its path on the device,
 * or the name the browser uploaded it under).
 */
public record SourceFile(Path path, String name) {

	/** Names longer than this are cut: a name is a label, the bytes are the evidence. */
	static final int MAX_NAME = 1000;

	public SourceFile {
		name = name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
	}

	/**
	 * Where the store takes the extension from: the name the user knows when it has one (an upload
	 * lies in a file called {@code data}), else the file on disk.
	 */
	String extensionHint() {
		String label = name.substring(name.lastIndexOf('/') + 1);
		return label.lastIndexOf('.') > 0 ? label : path.getFileName().toString();
	}
}
