package org.custodia.activity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.custodia.shared.PrintedDocument;

/** The compliance board as a CSV for spreadsheets and as a printable PDF in Chinese. */
final class ComplianceSheet {

	static final String[] HEADINGS = { "范围", "名称", "执法活动", "须（可）录制", "已录制", "已备案工作记录", "缺失",
			"待导入", "逾期导入", "未说明中断", "未确认告知" };

	private static final float MARGIN = 40;

	private static final float[] COLUMNS = { 0, 50, 180, 230, 300, 350, 430, 470, 520, 580, 640 };

	private ComplianceSheet() {
	}

	static byte[] csv(ComplianceBoard.Board board) {
		StringBuilder out = new StringBuilder("\uFEFF");
		out.append(String.join(",", HEADINGS)).append("\r\n");
		for (String[] row : rows(board)) {
			List<String> cells = new ArrayList<>();
			for (String cell : row) {
				cells.add(cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
			}
			out.append(String.join(",", cells)).append("\r\n");
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	static byte[] pdf(ComplianceBoard.Board board, String agencyName, Map<UUID, String> officerNames, ZoneId zone) {
		DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
		List<String[]> rows = rows(board);
		try (PrintedDocument document = new PrintedDocument()) {
			int perPage = 24;
			for (int start = 0; start == 0 || start < rows.size(); start += perPage) {
				PDPage page = document.newPage(true);
				float top = page.getMediaBox().getHeight() - MARGIN;
				try (PDPageContentStream content = document.draw(page)) {
					document.text(content, 16, MARGIN, top, List.of("执法音像记录合规情况（" + board.from() + " 至 " + board.to() + "）"));
					document.text(content, 10, MARGIN, top - 22, List.of("单位：" + agencyName + "    第 " + (start / perPage + 1) + " 页"));
					float y = top - 56;
					row(document, content, y, HEADINGS);
					content.moveTo(MARGIN, y - 4);
					content.lineTo(page.getMediaBox().getWidth() - MARGIN, y - 4);
					content.stroke();
					for (String[] row : rows.subList(start, Math.min(rows.size(), start + perPage))) {
						y -= 17;
						row(document, content, y, row);
					}
					if (start + perPage >= rows.size()) {
						List<String> lines = new ArrayList<>();
						lines.add("需关注的执法活动：" + board.attention().size());
						for (ActivityView view : board.attention().stream().limit(8).toList()) {
							lines.add(time.format(view.activity().startedAt()) + "  " + view.activity().place() + "  "
									+ state(view.compliance()) + "  " + view.activity().officers().stream()
										.map(id -> officerNames.getOrDefault(id, id.toString())).reduce((a, b) -> a + "、" + b).orElse(""));
						}
						document.text(content, 9, MARGIN, y - 30, lines);
					}
				}
			}
			return document.bytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static String state(Compliance compliance) {
		if (compliance.state() == null) {
			return "不在清单内";
		}
		String state = switch (compliance.state()) {
			case RECORDED -> "已录制";
			case WORK_RECORD_FILED -> "已备案工作记录";
			case MISSING -> compliance.awaitingImport() ? "待导入" : "缺失：既无录像也无工作记录";
		};
		if (compliance.unexplainedInterruptions() > 0) {
			state += "；未说明中断 " + compliance.unexplainedInterruptions();
		}
		return compliance.statementsMissing() ? state + "；告知未确认" : state;
	}

	private static List<String[]> rows(ComplianceBoard.Board board) {
		List<String[]> rows = new ArrayList<>();
		rows.add(cells("合计", "", board.total()));
		board.byUnit().forEach(row -> rows.add(cells("科室", row.name(), row)));
		board.byOfficer().forEach(row -> rows.add(cells("执法人员", row.name(), row)));
		return rows;
	}

	private static String[] cells(String scope, String name, ComplianceBoard.Row row) {
		return new String[] { scope, name, Integer.toString(row.activities()), Integer.toString(row.required()),
				Integer.toString(row.recorded()), Integer.toString(row.workRecordFiled()), Integer.toString(row.missing()),
				Integer.toString(row.awaitingImport()), Integer.toString(row.lateImports()), Integer.toString(row.unexplainedInterruptions()),
				Integer.toString(row.missingStatements()) };
	}

	private static void row(PrintedDocument document, PDPageContentStream content, float y, String[] cells) throws IOException {
		for (int i = 0; i < cells.length; i++) {
			document.text(content, 9, MARGIN + COLUMNS[i], y, List.of(cells[i]));
		}
	}
}
