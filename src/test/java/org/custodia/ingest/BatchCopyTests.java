package org.custodia.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.custodia.shared.TestDatabases;
import org.custodia.storage.BlobStore;
import org.custodia.storage.StoredBlob;
import org.junit.jupiter.api.Test;

/**
 * A copy begun before anything may be recorded (the command line's head start): nothing is committed until it is
 * finished, what was left out or abandoned is discarded, and no more than a bound is copied before it is confirmed.
 */
class BatchCopyTests {

	/** A store that counts what it was given to stage, to commit and to discard. */
	static final class CountingStore implements BlobStore {

		final AtomicInteger staged = new AtomicInteger();

		final AtomicInteger committed = new AtomicInteger();

		final AtomicInteger discarded = new AtomicInteger();

		@Override
		public Batch batch() {
			return new Batch() {
				private long size = -1;

				private boolean done;

				@Override
				public int stage(String agency, LocalDate day, String nameHint, InputStream content) {
					try {
						size = content.readAllBytes().length;
					}
					catch (IOException e) {
						throw new UncheckedIOException(e);
					}
					staged.incrementAndGet();
					return 0;
				}

				@Override
				public List<StoredBlob> commit() {
					done = true;
					committed.incrementAndGet();
					return List.of(new StoredBlob("k", "0".repeat(64), null, size, false));
				}

				@Override
				public void close() {
					if (!done && size >= 0) {
						discarded.incrementAndGet();
					}
				}
			};
		}

		@Override
		public StoredBlob put(String agency, LocalDate day, String nameHint, InputStream content) {
			throw new UnsupportedOperationException();
		}

		@Override
		public InputStream open(String key, long offset, long length) {
			throw new UnsupportedOperationException();
		}

		@Override
		public long size(String key) {
			throw new UnsupportedOperationException();
		}

		@Override
		public boolean exists(String key) {
			return false;
		}
	}

	final CountingStore store = new CountingStore();

	final Set<String> opened = ConcurrentHashMap.newKeySet();

	final List<String> recorded = java.util.Collections.synchronizedList(new ArrayList<>());

	final FileRecorder recorder = new FileRecorder() {
		@Override
		public RecordingImports.Outcome stored(SourceFile file, String type, StoredBlob blob) {
			recorded.add(file.name());
			return new RecordingImports.Outcome(file.name(), ImportResult.STORED, null, blob.sha256(), null, null);
		}

		@Override
		public void failed(RecordingImports.Outcome outcome) {
		}
	};

	@Test
	void nothingIsCommittedBeforeTheFinishAndWhatIsLeftOutIsDiscarded() throws Exception {
		List<SourceFile> files = files(6);
		BatchCopy copy = BatchCopy.start("zhanhe-health", files, store, sources(null), bytes -> {
		});
		awaitStaged(6);
		assertThat(store.committed).hasValue(0);

		List<RecordingImports.Outcome> outcomes = copy.finish(recorder, Set.of(files.get(1), files.get(4)), bytes -> {
		});
		assertThat(outcomes).hasSize(6);
		assertThat(outcomes.get(1)).isNull();
		assertThat(outcomes.get(4)).isNull();
		assertThat(recorded).containsExactlyInAnyOrder("F0", "F2", "F3", "F5");
		assertThat(store.committed).hasValue(4);
		assertThat(store.discarded).hasValue(2);
	}

	@Test
	void anAbandonedCopyCommitsNothingAndDiscardsWhatItStaged() throws Exception {
		BatchCopy copy = BatchCopy.start("zhanhe-health", files(5), store, sources(null), bytes -> {
		});
		awaitStaged(5);
		copy.abandon();
		assertThat(store.committed).hasValue(0);
		assertThat(store.discarded).hasValue(5);
		assertThat(recorded).isEmpty();
	}

	@Test
	void copiesNoMoreThanItsBoundBeforeTheImportIsConfirmed() throws Exception {
		// Files the size of a card's recordings as the listing saw them: a third would pass the bound.
		BatchCopy copy = BatchCopy.start("zhanhe-health", files(5), store, sources(BatchCopy.UNCONFIRMED / 2), bytes -> {
		});
		for (int i = 0; i < 500 && opened.size() < 2; i++) {
			Thread.sleep(20);
		}
		// (Read shorter than listed, the two fail: what counts here is that no third is opened.)
		Thread.sleep(300);
		assertThat(opened).hasSize(2);
		copy.abandon();
		assertThat(opened).hasSize(2);
		assertThat(store.committed).hasValue(0);
	}

	private void awaitStaged(int files) throws InterruptedException {
		for (int i = 0; i < 500 && store.staged.get() + store.discarded.get() < files; i++) {
			Thread.sleep(20);
		}
		assertThat(store.staged).hasValue(files);
	}

	private List<SourceFile> files(int count) throws IOException {
		Path folder = TestDatabases.newDataDirectory();
		List<SourceFile> files = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Path file = Files.write(folder.resolve("F" + i), ImportFixtures.unique(1000 + i));
			files.add(new SourceFile(file, "F" + i));
		}
		return files;
	}

	/** The files as they are, or each as large as {@code listedSize} (its size is then never checked). */
	private CopySources sources(Long listedSize) {
		return new CopySources() {
			@Override
			public DeviceFile open(SourceFile file) throws IOException {
				opened.add(file.name());
				return DeviceFile.open(file.path());
			}

			@Override
			public long size(SourceFile file) {
				try {
					return listedSize != null ? listedSize : Files.size(file.path());
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}

			@Override
			public LocalDate day(SourceFile file) {
				return LocalDate.of(2026, 12, 8);
			}
		};
	}
}
