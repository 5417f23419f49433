package org.custodia.ingest;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The command line's progress line, drawn on standard error so the outcomes on standard output stay clean
 * for scripts: files done of all, bytes copied of all, the rate since the copy began and the time left at
 * that rate, e.g. {@code 导入 35%  12/40 个文件  1.2 GB/3.4 GB  85 MB/s  剩余 0:26}. Files recorded by an
 * earlier run count as done from the start; their bytes are not copied, so they are not in the bytes.
 */
final class ConsoleProgress implements ImportProgress, AutoCloseable {

	static final long REDRAW_MILLIS = 250;

	private final boolean quiet;

	private final PrintStream out;

	private final LongSupplier nanos;

	private ScheduledExecutorService drawing;

	private long began;

	private int files;

	private int done;

	private long bytes;

	private long copied;

	ConsoleProgress(boolean quiet) {
		this(quiet, System.err, System::nanoTime);
	}

	ConsoleProgress(boolean quiet, PrintStream out, LongSupplier nanos) {
		this.quiet = quiet;
		this.out = out;
		this.nanos = nanos;
	}

	@Override
	public synchronized void started(int files, long bytes) {
		this.files = files;
		this.bytes = bytes;
		this.began = nanos.getAsLong();
		if (quiet) {
			return;
		}
		drawing = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "custodia-import-progress");
			thread.setDaemon(true);
			return thread;
		});
		drawing.scheduleAtFixedRate(() -> draw('\r'), REDRAW_MILLIS, REDRAW_MILLIS, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void copied(long bytes) {
		copied += bytes;
	}

	@Override
	public synchronized void finished(RecordingImports.Outcome outcome) {
		done++;
	}

	/** The line as it stands now. */
	synchronized String line() {
		long elapsed = Math.max(0, nanos.getAsLong() - began);
		// Every file done is all done, also when a failed file's bytes were never copied.
		int percent = done >= files ? 100 : bytes > 0 ? (int) (100 * Math.min(copied, bytes) / bytes) : 100 * done / files;
		StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "导入 %3d%%  %d/%d 个文件  %s/%s", percent, done,
				files, size(copied), size(bytes)));
		// A rate needs time to be measured over: none before the first bytes, and none in the very first instant.
		if (copied > 0 && elapsed >= 1_000_000) {
			double perSecond = copied * 1e9 / elapsed;
			long left = Math.max(0, bytes - copied);
			text.append("  ").append(size((long) perSecond)).append("/s  剩余 ")
				.append(duration((long) Math.ceil(left / perSecond)));
		}
		else if (done < files) {
			text.append("  开始复制");
		}
		return text.toString();
	}

	private void draw(char end) {
		String line = line();
		synchronized (out) {
			out.print(line + "   " + end);
			out.flush();
		}
	}

	/** 1024-based, as file managers show them: "512 KB", "85 MB", "1.2 GB". */
	static String size(long bytes) {
		String[] units = { "B", "KB", "MB", "GB", "TB" };
		double value = bytes;
		int unit = 0;
		while (value >= 1024 && unit < units.length - 1) {
			value /= 1024;
			unit++;
		}
		return unit > 0 && value < 10 ? String.format(Locale.ROOT, "%.1f %s", value, units[unit])
				: String.format(Locale.ROOT, "%d %s", Math.round(value), units[unit]);
	}

	/** "0:26", "12:05", "1:02:07". */
	static String duration(long seconds) {
		long hours = seconds / 3600;
		long minutes = seconds / 60 % 60;
		return hours > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, seconds % 60)
				: String.format(Locale.ROOT, "%d:%02d", minutes, seconds % 60);
	}

	@Override
	public void close() {
		ScheduledExecutorService running;
		synchronized (this) {
			running = drawing;
			drawing = null;
		}
		if (running != null) {
			running.shutdownNow();
			try {
				running.awaitTermination(1, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			draw('\n');
		}
	}
}
