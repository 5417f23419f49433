package org.custodia.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The files of a folder to import, however deep, found without following any link: a file the walk did
 * not reach would get no outcome at all. A link, a device node or pipe, or a folder that cannot be read
 * is reported as skipped with the reason, never read and never silently left out.
 */
record FolderFiles(List<SourceFile> files, List<RecordingImports.Outcome> skipped) {

	/** Lists a folder whose path is already its real path ({@link ImportRoots#check}). */
	static FolderFiles of(Path folder) {
		List<SourceFile> files = new ArrayList<>();
		List<RecordingImports.Outcome> skipped = new ArrayList<>();
		try {
			// No FOLLOW_LINKS: a link to a folder is visited as a link, not entered.
			Files.walkFileTree(folder, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
					String name = folder.relativize(file).toString();
					if (attributes.isSymbolicLink()) {
						skipped.add(skip(name, "symlink"));
					}
					else if (!attributes.isRegularFile()) {
						skipped.add(skip(name, "special-file"));
					}
					else if (!bookkeeping(file.getFileName().toString())) {
						files.add(new SourceFile(file, name));
					}
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFileFailed(Path file, IOException e) {
					if (file.equals(folder)) {
						throw new UncheckedIOException(e);
					}
					skipped.add(skip(folder.relativize(file).toString(), "unreadable-folder"));
					return FileVisitResult.CONTINUE;
				}
			});
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		files.sort(Comparator.comparing(SourceFile::path));
		skipped.sort(Comparator.comparing(RecordingImports.Outcome::file));
		return new FolderFiles(List.copyOf(files), List.copyOf(skipped));
	}

	private static RecordingImports.Outcome skip(String name, String reason) {
		return new RecordingImports.Outcome(name, ImportResult.SKIPPED, null, null, null, reason);
	}

	/**
	 * What a computer, not the device, put on the card: a Mac's folder settings and resource forks. Any
	 * other name, however odd (".x.mp4", "..\\x.mp4"), is the device's and gets an outcome.
	 */
	private static boolean bookkeeping(String name) {
		return name.equals(".DS_Store") || name.startsWith("._");
	}
}
