package org.custodia.storage;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.custodia.shared.CustodiaProperties;

/**
 * The store's side of {@code bench/store.sh}: puts the given files into a fresh store (one put, or one
 * batch for several files) and prints the seconds it took, the JVM already warm. Modes: {@code put <store> <files…>}, {@code put2 <store> <second> <files…>},
 * {@code each <store> <files…>} (a commit per file, eight at a time),
 * {@code sm3 <file>} (SM3 throughput).
 */
public final class StoreBenchmark {

	private StoreBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String mode = args[0];
		if (mode.equals("sm3")) {
			byte[] buffer = new byte[FileSystemBlobStore.BUFFER];
			SM3Digest sm3 = new SM3Digest();
			long start = System.nanoTime();
			long size = 0;
			try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
				int read;
				while ((read = in.read(buffer)) != -1) {
					sm3.update(buffer, 0, read);
					size += read;
				}
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			System.out.printf("%.3f %d%n", seconds, size);
			return;
		}
		Path store = Path.of(args[1]);
		Path second = mode.equals("put2") ? Path.of(args[2]) : null;
		List<Path> files = Stream.of(args).skip(second == null ? 2 : 3).map(Path::of).toList();
		FileSystemBlobStore blobs = new FileSystemBlobStore(new StorageProperties(store, second, false),
				new CustodiaProperties(store.getParent(), false), Clock.systemUTC());
		// Warm the JIT on a small put that is not measured.
		blobs.put("bench-warmup", LocalDate.of(2026, 1, 1), "w.bin", new java.io.ByteArrayInputStream(new byte[8 << 20]));
		long start = System.nanoTime();
		if (files.size() == 1) {
			try (InputStream in = source(files.get(0))) {
				blobs.put("bench", LocalDate.of(2026, 11, 23), files.get(0).getFileName().toString(), in);
			}
		}
		else if (mode.equals("each")) {
			// As the import copies since issue 20: eight at a time, each file in a batch of its own, committed
			// (durable, in place) in its copying thread, so that a kill keeps every file committed so far.
			ExecutorService copiers = Executors.newFixedThreadPool(Integer.getInteger("copies", 8));
			List<Future<?>> copies = new ArrayList<>();
			for (Path file : files) {
				copies.add(copiers.submit(() -> {
					try (InputStream in = source(file); BlobStore.Batch batch = blobs.batch()) {
						batch.stage("bench", LocalDate.of(2026, 11, 23), file.getFileName().toString(), in);
						return batch.commit();
					}
				}));
			}
			for (Future<?> copy : copies) {
				copy.get();
			}
			copiers.shutdown();
		}
		else {
			// A folder imported as one batch, as before issue 20, eight files copied at a time as the import does (BatchCopy):
			// each copied, hashed and made durable, then all put in place together.
			ExecutorService copiers = Executors.newFixedThreadPool(Integer.getInteger("copies", 8));
			try (BlobStore.Batch batch = blobs.batch()) {
				List<Future<Integer>> copies = new ArrayList<>();
				for (Path file : files) {
					copies.add(copiers.submit(() -> {
						try (InputStream in = source(file)) {
							return batch.stage("bench", LocalDate.of(2026, 11, 23), file.getFileName().toString(), in);
						}
					}));
				}
				for (Future<Integer> copy : copies) {
					copy.get();
				}
				batch.commit();
			}
			copiers.shutdown();
		}
		System.out.printf("%.3f%n", (System.nanoTime() - start) / 1e9);
	}

	/**
	 * A file as the import hands it to the store (ingest's DeviceFile: a whole file the store may copy
	 * inside the kernel); with {@code -Dsource=stream}, a plain stream instead, to compare the two ways.
	 */
	private static InputStream source(Path file) throws java.io.IOException {
		if ("stream".equals(System.getProperty("source"))) {
			return Files.newInputStream(file);
		}
		java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file);
		InputStream stream = java.nio.channels.Channels.newInputStream(channel);
		class WholeFile extends java.io.FilterInputStream implements BlobStore.FileSource {

			WholeFile() {
				super(stream);
			}

			@Override
			public java.nio.channels.FileChannel channel() {
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
