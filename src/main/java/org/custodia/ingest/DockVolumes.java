package org.custodia.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Finds the volumes mounted under the dock's roots: a directory directly under a root
 * ({@code /media/<LABEL>}), or one level deeper when the first level is a user's folder
 * ({@code /media/<user>/<LABEL>}, as udisks mounts). The kernel's mount table decides where it is
 * readable; where it is not (a plain folder, a test), a folder counts as a user's folder when it is
 * named after this system user or holds only folders one of which is a recognised device.
 */
final class DockVolumes {

	/** A docked volume: its root, its label (the mount folder's name) and its filesystem UUID when known. */
	record Volume(Path root, String label, String serial) {

		String name() {
			return label;
		}
	}

	private static final Path MOUNT_INFO = Path.of("/proc/self/mountinfo");

	private static final Path BY_UUID = Path.of("/dev/disk/by-uuid");

	private DockVolumes() {
	}

	/** The volumes under the roots, sorted; {@code recognised} says whether a folder is a known device's. */
	static List<Volume> under(List<Path> roots, Predicate<Path> recognised) {
		Map<Path, String> mounts = mounts();
		Map<String, String> uuids = mounts.isEmpty() ? Map.of() : uuids();
		List<Volume> volumes = new ArrayList<>();
		for (Path root : roots) {
			for (Path child : folders(root)) {
				if (mounts.containsKey(child) || !isUserFolder(child, mounts, recognised)) {
					volumes.add(volume(child, mounts, uuids));
				}
				else {
					folders(child).forEach(grandchild -> volumes.add(volume(grandchild, mounts, uuids)));
				}
			}
		}
		return volumes;
	}

	private static boolean isUserFolder(Path folder, Map<Path, String> mounts, Predicate<Path> recognised) {
		if (mounts.keySet().stream().anyMatch(mount -> folder.equals(mount.getParent()))) {
			return true;
		}
		if (folder.getFileName().toString().equals(System.getProperty("user.name"))) {
			return true;
		}
		try (Stream<Path> entries = Files.list(folder)) {
			List<Path> all = entries.filter(path -> !path.getFileName().toString().startsWith(".")).toList();
			return !all.isEmpty() && all.stream().allMatch(path -> Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS))
					&& all.stream().anyMatch(recognised);
		}
		catch (IOException e) {
			return false;
		}
	}

	private static Volume volume(Path root, Map<Path, String> mounts, Map<String, String> uuids) {
		String source = mounts.get(root);
		return new Volume(root, root.getFileName().toString(), source == null ? null : uuids.get(source));
	}

	private static List<Path> folders(Path parent) {
		try (Stream<Path> entries = Files.list(parent)) {
			return entries.filter(path -> Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS))
				.filter(path -> !path.getFileName().toString().startsWith("."))
				.sorted()
				.toList();
		}
		catch (IOException e) {
			return List.of();
		}
	}

	/** Mount point to its source device, from the kernel's table; empty where there is none. */
	static Map<Path, String> mounts() {
		Map<Path, String> mounts = new HashMap<>();
		try {
			for (String line : Files.readAllLines(MOUNT_INFO)) {
				parseMountInfo(line, mounts);
			}
		}
		catch (IOException | RuntimeException e) {
			return Map.of();
		}
		return mounts;
	}

	/** One line of {@code mountinfo}: field 5 is the mount point, the second field after " - " the source. */
	static void parseMountInfo(String line, Map<Path, String> mounts) {
		String[] halves = line.split(" - ", 2);
		String[] fields = halves[0].split(" ");
		if (halves.length < 2 || fields.length < 5) {
			return;
		}
		String[] tail = halves[1].split(" ");
		if (tail.length >= 2) {
			mounts.put(Path.of(unescape(fields[4])), unescape(tail[1]));
		}
	}

	/** Device path to filesystem UUID, through the {@code /dev/disk/by-uuid} links; empty where unreadable. */
	private static Map<String, String> uuids() {
		Map<String, String> uuids = new HashMap<>();
		try (Stream<Path> links = Files.list(BY_UUID)) {
			for (Path link : links.toList()) {
				try {
					uuids.put(link.toRealPath().toString(), link.getFileName().toString());
				}
				catch (IOException e) {
					// a link to a device that just went away
				}
			}
		}
		catch (IOException | RuntimeException e) {
			return Map.of();
		}
		return uuids;
	}

	/** The kernel writes space, tab, newline and backslash in mount paths as octal escapes. */
	static String unescape(String field) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < field.length(); i++) {
			char c = field.charAt(i);
			if (c == '\\' && i + 3 < field.length() && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
				out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
				i += 3;
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}
}
