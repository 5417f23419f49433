package org.custodia.retention;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.custodia.recording.Recording;
import org.custodia.shared.PrintedDocument;

/**
 * 销毁清册 in its usual columns (序号, 音像记录, 设备, 执法人员, 录制时间, 大小, SHA-256, 保存期限至, 依据), in Chinese on landscape
 * A4, with the disposal's number, reason, proposer, approver, dates and the signature lines 经办人, 审批人, 监销人.
 */
final class DisposalSheet {

	/** One item as printed. */
	record Line(Disposal.Item item, Recording recording, String device, String officer, String basis) {
	}

	private static final float MARGIN = 36;

	private static final float SIZE = 8;

	private static final float LINE = SIZE * 1.5f;

	private static final float[] COLUMNS = { 0, 26, 140, 200, 256, 330, 392, 540, 610, 770 };

	private static final String[] HEADINGS = { "序号", "音像记录", "设备", "执法人员", "录制时间", "大小（字节）", "SHA-256", "保存期限至",
			"依据与处理" };

	private DisposalSheet() {
	}

	static byte[] render(String agencyName, Disposal disposal, List<Line> lines, String proposer, String approver,
			ZoneId zone, String disposalBasis) {
		DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
		DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(zone);
		List<String[]> rows = new ArrayList<>();
		for (Line line : lines) {
			Disposal.Item item = line.item();
			String outcome = item.struck() ? "审批时剔除：" + empty(item.strikeNote())
					: item.outcome() == Disposal.Outcome.DISPOSED ? "已销毁"
							: item.outcome() == Disposal.Outcome.KEPT ? "未销毁（保全或期限变更）" : "";
			rows.add(new String[] { String.valueOf(item.position()), empty(line.recording().originalName()), line.device(),
					line.officer(), at(time, line.recording().recordedAt()), String.valueOf(item.size()), item.sha256(),
					at(day, item.keepUntil()), line.basis() + (outcome.isEmpty() ? "" : "；" + outcome) });
		}
		try (PrintedDocument document = new PrintedDocument()) {
			int row = 0;
			int pageNumber = 0;
			do {
				PDPage page = document.newPage(true);
				pageNumber++;
				float top = page.getMediaBox().getHeight() - MARGIN;
				try (PDPageContentStream content = document.draw(page)) {
					document.text(content, 16, MARGIN, top, List.of("音像记录销毁清册"));
					document.text(content, 10, MARGIN, top - 22, List.of("单位：" + agencyName + "    编号：" + disposal.number()
							+ "    共 " + rows.size() + " 件    第 " + pageNumber + " 页"));
					document.text(content, 9, MARGIN, top - 38, clip(document, "销毁理由：" + disposal.reason() + "    依据："
							+ disposalBasis));
					document.text(content, 9, MARGIN, top - 52, List.of("提出人：" + proposer + "  " + at(time, disposal.proposedAt())
							+ "    审批人：" + approver + "  " + at(time, disposal.decidedAt()) + "    执行日期："
							+ at(time, disposal.executedAt())));
					float y = top - 76;
					y = write(document, content, y, wrapped(document, HEADINGS));
					content.moveTo(MARGIN, y + LINE - 3);
					content.lineTo(page.getMediaBox().getWidth() - MARGIN, y + LINE - 3);
					content.stroke();
					while (row < rows.size()) {
						List<List<String>> cells = wrapped(document, rows.get(row));
						int height = cells.stream().mapToInt(List::size).max().orElse(1);
						if (y - height * LINE < MARGIN + 40) {
							break;
						}
						y = write(document, content, y, cells);
						row++;
					}
					document.text(content, 10, MARGIN, MARGIN + 6, List.of(
							"经办人（签字）：____________    审批人（签字）：____________    监销人（签字）：____________    日期：____________"));
				}
			}
			while (row < rows.size());
			return document.bytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot print the disposal list", e);
		}
	}

	private static List<String> clip(PrintedDocument document, String text) throws IOException {
		String shown = document.wrap(text, SIZE, Float.MAX_VALUE).get(0);
		return List.of(shown.length() > 120 ? shown.substring(0, 120) + "…" : shown);
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
	private static List<List<String>> wrapped(PrintedDocument document, String[] cells) throws IOException {
		List<List<String>> wrapped = new ArrayList<>();
		for (int i = 0; i < cells.length; i++) {
			wrapped.add(document.wrap(cells[i], SIZE, COLUMNS[i + 1] - COLUMNS[i] - 6));
		}
		return wrapped;
	}

	private static String at(DateTimeFormatter format, Instant instant) {
		return instant == null ? "" : format.format(instant);
	}

	private static String empty(String text) {
		return text == null ? "" : text.toLowerCase(Locale.ROOT).equals("null") ? "" : text;
	}
}
