package org.custodia.ingest;

import java.util.concurrent.atomic.AtomicInteger;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The command line's progress bar: bytes copied with rate and ETA, and files done of all, drawn on
 * standard error so the outcomes on standard output stay clean for scripts.
 */
final class ConsoleProgress implements ImportProgress, AutoCloseable {

	private final boolean quiet;

	private final AtomicInteger done = new AtomicInteger();

	private ProgressBar bar;

	private int files;

	ConsoleProgress(boolean quiet) {
		this.quiet = quiet;
	}

	@Override
	public void started(int files, long bytes) {
		this.files = files;
		if (quiet) {
			return;
		}
		bar = new ProgressBarBuilder().setTaskName("导入 import")
			.setInitialMax(Math.max(bytes, 1))
			.setUnit(" MB", 1 << 20)
			.showSpeed()
			.setStyle(ProgressBarStyle.ASCII)
			.setUpdateIntervalMillis(250)
			.setConsumer(new ConsoleProgressBarConsumer(System.err, 100))
			.build();
		bar.setExtraMessage(" 0/" + files + " files");
	}

	@Override
	public void copied(long bytes) {
		if (bar != null) {
			bar.stepBy(bytes);
		}
	}

	@Override
	public void finished(RecordingImports.Outcome outcome) {
		int count = done.incrementAndGet();
		if (bar != null) {
			bar.setExtraMessage(" " + count + "/" + files + " files");
		}
	}

	@Override
	public void close() {
		if (bar != null) {
			bar.stepTo(bar.getMax());
			bar.close();
		}
	}
}
