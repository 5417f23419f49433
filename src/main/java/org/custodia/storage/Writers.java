package org.custodia.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is writing temporary files: each store holds a lock under {@code <base>/.writers/} for as long as
 * its process lives, and names its temporary files after it. The operating system drops the lock when
 * the process dies, even when killed, so a start can tell an abandoned temporary file from one that
 * the server or another command is still writing.
 */
final class Writers {

	static final String DIRECTORY = ".writers";

	// Closing any channel on a file drops this process's lock on it, so a lock this JVM holds is never
	// opened again to test it.
	private static final Set<String> HELD_HERE = ConcurrentHashMap.newKeySet();

	private final String id = UUID.randomUUID().toString();

	private final Map<Path, FileLock> locks = new ConcurrentHashMap<>();

	String id() {
		return id;
	}

	/** Takes this writer's lock under the base, once. */
	synchronized void hold(Path base) throws IOException {
		if (locks.containsKey(base)) {
			return;
		}
		Path file = Files.createDirectories(base.resolve(DIRECTORY)).resolve(id + ".lock");
		FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		HELD_HERE.add(id);
		locks.put(base, channel.lock());
	}

	/** Lets go of the locks, as the application stops, so that the disks can be unmounted. */
	synchronized void release() {
		locks.forEach((base, lock) -> {
			try {
				lock.channel().close();
				Files.deleteIfExists(base.resolve(DIRECTORY).resolve(id + ".lock"));
			}
			catch (IOException e) {
				// The lock goes with the process anyway; the next start removes the file.
			}
		});
		locks.clear();
		HELD_HERE.remove(id);
	}

	/** The writer that named a temporary file, or null for a name without one. */
	static String of(Path temp) {
		String name = temp.getFileName().toString();
		int separator = name.indexOf('_');
		return separator < 0 ? null : name.substring(0, separator);
	}

	/** Whether the writer's process still runs; when in doubt, it does. */
	static boolean alive(Path base, String id) {
		if (HELD_HERE.contains(id)) {
			return true;
		}
		Path file = base.resolve(DIRECTORY).resolve(id + ".lock");
		if (!Files.exists(file)) {
			return false;
		}
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
			FileLock lock = channel.tryLock();
			if (lock == null) {
				return true;
			}
			lock.release();
			return false;
		}
		catch (OverlappingFileLockException e) {
			return true;
		}
		catch (IOException e) {
			return true;
		}
	}
}
