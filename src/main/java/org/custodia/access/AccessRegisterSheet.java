package org.custodia.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.custodia.shared.PrintedDocument;
import org.springframework.context.MessageSource;

/**
 * The access register printed in its usual columns (查阅登记簿: 序号, 时间, 查阅人, 单位或代表, 事由, 查阅内容, 方式,
 * 申请编号, 批准人, 依据), in Chinese, on landscape A4. Long cells wrap onto more lines; nothing is cut off.
 */
final class AccessRegisterSheet {

	private static final float MARGIN = 36;

	private static final float SIZE = 8;

	private static final float LINE = SIZE * 1.5f;

	private static final float[] COLUMNS = { 0, 28, 106, 170, 262, 372, 500, 540, 604, 660, 770 };

	private static final String[] HEADINGS = { "序号", "时间", "查阅人", "单位或代表", "事由", "查阅内容", "方式", "申请编号", "批准人", "依据" };

	private AccessRegisterSheet() {
	}

	static byte[] render(String agencyName, List<AccessRegisterEntry> lines, ZoneId zone, MessageSource messages,
			Function<String, String> citations) {
		Function<String, String> zh = key -> messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
		DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
		List<String[]> rows = new ArrayList<>();
		int number = lines.size();
		for (AccessRegisterEntry line : lines) {
			rows.add(new String[] { String.valueOf(number--), time.format(line.at()), line.person(), empty(line.forWhom()),
					empty(line.reason()), empty(line.recordingName()), zh.apply("register.kind." + line.kind().code()),
					empty(line.requestNumber()), empty(line.approvedBy()), citations.apply(line.cite()) });
		}
		try (PrintedDocument document = new PrintedDocument()) {
			int row = 0;
			int pageNumber = 0;
			do {
				PDPage page = document.newPage(true);
				pageNumber++;
				float top = page.getMediaBox().getHeight() - MARGIN;
				try (PDPageContentStream content = document.draw(page)) {
					document.text(content, 16, MARGIN, top, List.of("音像记录查阅登记簿"));
					document.text(content, 10, MARGIN, top - 22, List.of("单位：" + agencyName + "    共 " + rows.size()
							+ " 条    第 " + pageNumber + " 页    （查阅不收取任何费用）"));
					float y = top - 60;
					y = row(document, content, y, HEADINGS);
					content.moveTo(MARGIN, y + LINE - 3);
					content.lineTo(page.getMediaBox().getWidth() - MARGIN, y + LINE - 3);
					content.stroke();
					while (row < rows.size()) {
						List<List<String>> cells = wrapped(document, rows.get(row));
						int height = cells.stream().mapToInt(List::size).max().orElse(1);
						if (y - height * LINE < MARGIN + 30) {
							break;
						}
						y = write(document, content, y, cells);
						row++;
					}
					if (rows.isEmpty()) {
						document.text(content, 9, MARGIN, y, List.of("所选范围内没有查阅记录。"));
					}
					document.text(content, 10, MARGIN, MARGIN + 6,
							List.of("登记人签字：____________    审核人签字：____________    日期：____________"));
				}
			}
			while (row < rows.size());
			return document.bytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot print the access register", e);
		}
	}

	private static float row(PrintedDocument document, PDPageContentStream content, float y, String[] cells)
			throws IOException {
		return write(document, content, y, wrapped(document, cells));
	}

	private static float write(PrintedDocument document, PDPageContentStream content, float y, List<List<String>> cells)
			throws IOException {
		int height = 1;
		for (int i = 0; i < cells.size(); i++) {
			document.text(content, SIZE, MARGIN + COLUMNS[i], y, cells.get(i));
			height = Math.max(height, cells.get(i).size());
		}
		return y - height * LINE - 3;
	}

	/** Each cell broken into lines that fit its column. */
	static List<List<String>> wrapped(PrintedDocument document, String[] cells) throws IOException {
		List<List<String>> wrapped = new ArrayList<>();
		for (int i = 0; i < cells.length; i++) {
			wrapped.add(document.wrap(cells[i], SIZE, COLUMNS[i + 1] - COLUMNS[i] - 6));
		}
		return wrapped;
	}

	private static String empty(String text) {
		return text == null ? "" : text;
	}
}
