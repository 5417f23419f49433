package org.custodia.storage;

import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.custodia.shared.CustodiaProperties;

/**
 * The store's side of {@code bench/fixity.sh}. Modes:
 * {@code fill <store> <files…>} puts the files into the store (agency {@code bench});
 * {@code sweep <store>} reads every stored copy again as the fixity sweep does and prints seconds and bytes;
 * {@code import <store> <files…>} imports the files as one batch (agency {@code bench-import}, eight at a time as
 * the import does) and prints the seconds; {@code import-beside <store> <files…>} the same while the sweep reads the
 * store's {@code bench} files over and over in the same process, as on the server.
 */
public final class FixityBenchmark {

	private FixityBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String mode = args[0];
		Path root = Path.of(args[1]);
		List<Path> files = Stream.of(args).skip(2).map(Path::of).toList();
		FileSystemBlobStore store = new FileSystemBlobStore(new StorageProperties(root, null, false),
				new CustodiaProperties(root.getParent(), false), Clock.systemUTC());
		FileCopies copies = new FileCopies(store,
				Duration.parse(System.getProperty("pause", "PT0.05S")));
		switch (mode) {
			case "fill" -> {
				for (Path file : files) {
					try (InputStream in = source(file)) {
						store.put("bench", LocalDate.of(2026, 11, 23), file.getFileName().toString(), in);
					}
				}
			}
			case "sweep" -> {
				List<String> keys = keys(copies, "bench/");
				// warm the JIT on SHA-256 over memory, as a server's is (the disk's cache was dropped before this JVM started)
				java.nio.ByteBuffer warm = java.nio.ByteBuffer.allocateDirect(FileCopies.CHUNK);
				java.security.MessageDigest digest = Digests.sha256();
				for (int i = 0; i < 128; i++) {
					digest.update(warm.clear());
				}
				long start = System.nanoTime();
				long bytes = 0;
				for (String key : keys) {
					StoredCopies.CopyCheck check = copies.check(key, null);
					if (!check.allGood()) {
						throw new IllegalStateException("not good: " + check);
					}
					bytes += check.primary().size();
				}
				System.out.printf("%.3f %d%n", (System.nanoTime() - start) / 1e9, bytes);
			}
			case "import", "import-beside" -> {
				store.put("bench-warmup", LocalDate.of(2026, 1, 1), "w.bin", new java.io.ByteArrayInputStream(new byte[8 << 20]));
				AtomicBoolean importing = new AtomicBoolean(true);
				AtomicLong swept = new AtomicLong();
				Thread sweep = null;
				if (mode.equals("import-beside")) {
					List<String> keys = keys(copies, "bench/");
					sweep = new Thread(() -> {
						while (importing.get()) {
							for (String key : keys) {
								if (!importing.get()) {
									break;
								}
								swept.addAndGet(Math.max(0, copies.check(key, null).primary().size()));
							}
						}
					});
					sweep.start();
					// let the sweep reach the disk before the import starts
					Thread.sleep(500);
				}
				long start = System.nanoTime();
				ExecutorService copiers = Executors.newFixedThreadPool(8);
				try (BlobStore.Batch batch = store.batch()) {
					List<Future<Integer>> staged = new ArrayList<>();
					for (Path file : files) {
						staged.add(copiers.submit(() -> {
							try (InputStream in = source(file)) {
								return batch.stage("bench-import", LocalDate.of(2026, 11, 23), file.getFileName().toString(), in);
							}
						}));
					}
					for (Future<Integer> each : staged) {
						each.get();
					}
					batch.commit();
				}
				double seconds = (System.nanoTime() - start) / 1e9;
				copiers.shutdown();
				importing.set(false);
				if (sweep != null) {
					sweep.join();
				}
				System.out.printf("%.3f %d%n", seconds, swept.get());
			}
			default -> throw new IllegalArgumentException(mode);
		}
		store.release();
	}

	private static List<String> keys(FileCopies copies, String prefix) {
		List<String> keys = new ArrayList<>();
		copies.forEachStoredKey(key -> {
			if (key.startsWith(prefix)) {
				keys.add(key);
			}
		});
		return keys;
	}

	private static InputStream source(Path file) throws java.io.IOException {
		FileChannel channel = FileChannel.open(file);
		InputStream stream = Channels.newInputStream(channel);
		class WholeFile extends java.io.FilterInputStream implements BlobStore.FileSource {

			WholeFile() {
				super(stream);
			}

			@Override
			public FileChannel channel() {
				return channel;
			}

			@Override
			public void copied(long bytes) {
			}

			@Override
			public void ended(long bytes) {
			}
		}
		return new WholeFile();
	}
}
