package org.custodia.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The progress line's words and figures, on a clock the test moves. */
class ConsoleProgressTests {

	static final long MB = 1 << 20;

	final AtomicLong now = new AtomicLong(5_000_000_000L);

	final ByteArrayOutputStream err = new ByteArrayOutputStream();

	final ConsoleProgress progress = new ConsoleProgress(true, new PrintStream(err, true, StandardCharsets.UTF_8), now::get);

	@Test
	void showsFilesBytesTheRateAndTheTimeLeftFromTheFirstSecond() {
		progress.started(40, 3482 * MB);
		assertThat(progress.line()).isEqualTo("导入   0%  0/40 个文件  0 B/3.4 GB  开始复制");

		// Half a second in, 40 MB copied: 80 MB/s, and the rest at that rate.
		now.addAndGet(500_000_000L);
		progress.copied(40 * MB);
		assertThat(progress.line()).isEqualTo("导入   1%  0/40 个文件  40 MB/3.4 GB  80 MB/s  剩余 0:44");

		now.addAndGet(14_500_000_000L);
		progress.copied(1189 * MB);
		for (int i = 0; i < 12; i++) {
			progress.finished(null);
		}
		assertThat(progress.line()).isEqualTo("导入  35%  12/40 个文件  1.2 GB/3.4 GB  82 MB/s  剩余 0:28");
	}

	@Test
	void showsHoursForALongCopyAndNothingLeftAtTheEnd() {
		progress.started(2, 100L * 1024 * MB);
		now.addAndGet(10_000_000_000L);
		progress.copied(200 * MB);
		assertThat(progress.line()).endsWith("20 MB/s  剩余 1:25:10");

		progress.copied(100L * 1024 * MB - 200 * MB);
		progress.finished(null);
		progress.finished(null);
		assertThat(progress.line()).startsWith("导入 100%  2/2 个文件  100 GB/100 GB").endsWith("剩余 0:00");
	}

	@Test
	void countsFilesImportedBeforeAsDoneWithoutBytes() {
		progress.started(3, 0);
		progress.finished(null);
		progress.finished(null);
		progress.finished(null);
		assertThat(progress.line()).isEqualTo("导入 100%  3/3 个文件  0 B/0 B");
	}

	@Test
	void isAtItsEndWhenEveryFileIsDoneAlsoWhenOneFailedUncopied() {
		progress.started(2, 20 * MB);
		now.addAndGet(1_000_000_000L);
		progress.copied(10 * MB);
		progress.finished(null);
		assertThat(progress.line()).startsWith("导入  50%  1/2 个文件  10 MB/20 MB");
		progress.finished(null);
		assertThat(progress.line()).startsWith("导入 100%  2/2 个文件  10 MB/20 MB");
	}

	@Test
	void drawsItsLastStateOnStandardErrorWhenClosed() {
		ConsoleProgress drawn = new ConsoleProgress(false, new PrintStream(err, true, StandardCharsets.UTF_8), now::get);
		drawn.started(1, 10 * MB);
		now.addAndGet(2_000_000_000L);
		drawn.copied(10 * MB);
		drawn.finished(null);
		drawn.close();
		assertThat(err.toString(StandardCharsets.UTF_8)).endsWith("导入 100%  1/1 个文件  10 MB/10 MB  5.0 MB/s  剩余 0:00   \n");
	}
}
