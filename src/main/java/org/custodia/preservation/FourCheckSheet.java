package org.custodia.preservation;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.custodia.shared.PrintedDocument;

/**
 * 四性检测报告 as a PDF in Chinese: the scope, the time in the agency's zone, per recording a table of its checks with
 * result and basis, the summary and the signature lines. Recordings are added one at a time and the pages kept in a
 * scratch file, so that a whole store prints without being held.
 */
final class FourCheckSheet implements AutoCloseable {

	static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private static final float MARGIN = 40;

	private static final float SIZE = 8;

	private static final float LINE = SIZE * 1.5f;

	private static final float[] COLUMNS = { 0, 50, 190, 235 };

	private final PrintedDocument document = PrintedDocument.onScratchFile();

	private final Wording wording;

	private final List<String> header;

	private PDPage page;

	private PDPageContentStream content;

	private float y;

	private int pages;

	private int recordings;

	FourCheckSheet(Wording wording, String scope, String agencyName, Instant checkedAt, ZoneId zone) {
		this.wording = wording;
		String time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone).format(checkedAt);
		this.header = List.of(text("four.report.scope", scope), text("four.report.agency", agencyName),
				text("four.report.time", time));
		newPage();
		try {
			document.text(content, 16, MARGIN, y, List.of(text("four.report.title")));
			y -= 26;
			document.text(content, 10, MARGIN, y, header);
			y -= 10 * 1.5f * header.size() + 4;
			lines(document.wrap(text("four.report.basis-note"), 9, full()), 9, MARGIN);
			y -= 6;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	void add(RecordingCheck check) {
		recordings++;
		try {
			room(LINE * 4);
			String heading = text("four.report.recording", Integer.toString(recordings), check.originalName(),
					check.sha256(), Long.toString(check.size()), text("four.result." + check.result().name()));
			lines(document.wrap(heading, 9, full()), 9, MARGIN);
			row(new String[] { text("four.property"), text("four.check"), text("four.result"), text("four.basis") });
			content.moveTo(MARGIN, y + LINE - 3);
			content.lineTo(page.getMediaBox().getWidth() - MARGIN, y + LINE - 3);
			content.stroke();
			for (FourCheck each : check.checks()) {
				row(new String[] { text("four.property." + each.property().name()), text("four.check." + each.kind().code()),
						text("four.result." + each.result().name()), each.basis() });
			}
			y -= LINE / 2;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Ends the report with its summary and signature lines and writes it to {@code out}. */
	void finish(FourCheckSummary summary, OutputStream out) {
		try {
			room(LINE * 9);
			y -= LINE;
			List<String> lines = new ArrayList<>();
			lines.add(text("four.summary") + "：" + text("four.result." + summary.getResult().name()));
			lines.add(text("four.summary-line", Integer.toString(summary.getRecordings()),
					Integer.toString(summary.getOverall().get(FourCheck.Result.PASS)),
					Integer.toString(summary.getOverall().get(FourCheck.Result.WARN)),
					Integer.toString(summary.getOverall().get(FourCheck.Result.FAIL))));
			for (FourCheck.Property property : FourCheck.Property.values()) {
				lines.add(text("four.property." + property.name()) + "：" + text("four.result." + summary.result(property).name()));
			}
			document.text(content, 10, MARGIN, y, lines);
			y -= 10 * 1.5f * lines.size() + 24;
			document.text(content, 11, MARGIN, y, List.of(text("four.report.signatures")));
			content.close();
			content = null;
			document.save(out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void row(String[] cells) throws IOException {
		List<List<String>> wrapped = new ArrayList<>();
		int height = 1;
		for (int i = 0; i < cells.length; i++) {
			List<String> lines = document.wrap(cells[i], SIZE, width(i));
			wrapped.add(lines);
			height = Math.max(height, lines.size());
		}
		room(height * LINE);
		for (int i = 0; i < cells.length; i++) {
			document.text(content, SIZE, MARGIN + COLUMNS[i], y, wrapped.get(i));
		}
		y -= height * LINE;
	}

	private void lines(List<String> lines, float size, float x) throws IOException {
		room(lines.size() * size * 1.5f);
		document.text(content, size, x, y, lines);
		y -= lines.size() * size * 1.5f;
	}

	private float width(int column) {
		float right = page.getMediaBox().getWidth() - 2 * MARGIN;
		return column + 1 < COLUMNS.length ? COLUMNS[column + 1] - COLUMNS[column] - 6 : right - COLUMNS[column];
	}

	private float full() {
		return page.getMediaBox().getWidth() - 2 * MARGIN;
	}

	private void room(float height) throws IOException {
		if (y - height < MARGIN + 20) {
			newPage();
		}
	}

	private void newPage() {
		try {
			if (content != null) {
				content.close();
			}
			page = document.newPage(true);
			content = document.draw(page);
			pages++;
			document.text(content, 8, page.getMediaBox().getWidth() - MARGIN - 60, MARGIN - 10,
					List.of(text("four.report.page", Integer.toString(pages))));
			y = page.getMediaBox().getHeight() - MARGIN;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private String text(String key, Object... arguments) {
		return wording.text(key, CHINESE, arguments);
	}

	@Override
	public void close() {
		try {
			if (content != null) {
				content.close();
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			document.close();
		}
	}
}
