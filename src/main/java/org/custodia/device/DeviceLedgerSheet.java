package org.custodia.device;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.custodia.shared.PrintedDocument;
import org.springframework.context.MessageSource;

/**
 * The printable custody ledger (台账) of one device for one month (001 art. 4, 003 art. 4), in Chinese: each
 * line's rule cited as the regulation's brief title and article.
 */
final class DeviceLedgerSheet {

	private static final float MARGIN = 40;

	private static final float[] COLUMNS = { 0, 95, 165, 255, 335, 420, 480, 660 };

	private static final String[] HEADINGS = { "时间", "事项", "使用人", "办理人", "使用前检查", "金额（元）", "备注", "依据" };

	private DeviceLedgerSheet() {
	}

	static byte[] render(Device device, String agencyName, YearMonth month, List<DeviceEvent> events,
			Map<UUID, String> names, ZoneId zone, MessageSource messages, Function<String, String> citations) {
		Function<String, String> zh = key -> messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
		DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
		List<String[]> rows = new ArrayList<>();
		for (DeviceEvent event : events) {
			rows.add(new String[] { time.format(event.occurredAt()), zh.apply("device.event." + event.kind()),
					event.officerId() == null ? "" : names.getOrDefault(event.officerId(), event.officerId().toString()),
					event.actorName(), check(event), event.amount() == null ? "" : event.amount().toPlainString(),
					event.note() == null ? "" : event.note(), citations.apply(event.cite()) });
		}
		try (PrintedDocument document = new PrintedDocument()) {
			int perPage = 22;
			for (int start = 0; start == 0 || start < rows.size(); start += perPage) {
				PDPage page = document.newPage(true);
				float top = page.getMediaBox().getHeight() - MARGIN;
				try (PDPageContentStream content = document.draw(page)) {
					document.text(content, 16, MARGIN, top, List.of("执法记录设备使用台账（" + month.getYear() + "年" + month.getMonthValue() + "月）"));
					document.text(content, 10, MARGIN, top - 22, List.of(
							"单位：" + agencyName + "    设备编号：" + device.number() + "    类别：" + zh.apply("device.kind." + device.kind())
									+ "    品牌型号：" + nullToEmpty(device.brand()) + " " + nullToEmpty(device.model()),
							"序列号：" + nullToEmpty(device.serialNumber()) + "    资产编号：" + nullToEmpty(device.assetNumber())
									+ "    当前状态：" + zh.apply(DeviceCustody.statusKey(device.status())) + "    第 " + (start / perPage + 1) + " 页"));
					float y = top - 70;
					row(document, content, y, HEADINGS);
					content.moveTo(MARGIN, y - 4);
					content.lineTo(page.getMediaBox().getWidth() - MARGIN, y - 4);
					content.stroke();
					for (String[] row : rows.subList(start, Math.min(rows.size(), start + perPage))) {
						y -= 18;
						row(document, content, y, row);
					}
					if (rows.isEmpty()) {
						document.text(content, 9, MARGIN, y - 18, List.of("本月无记录。"));
					}
					document.text(content, 10, MARGIN, MARGIN + 10,
							List.of("设备管理员签字：____________    科室负责人签字：____________    日期：____________"));
				}
			}
			return document.bytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot print the custody ledger", e);
		}
	}

	private static void row(PrintedDocument document, PDPageContentStream content, float y, String[] cells) throws IOException {
		for (int i = 0; i < cells.length; i++) {
			String cell = cells[i];
			float room = (i + 1 < COLUMNS.length ? COLUMNS[i + 1] - COLUMNS[i] : 110) - 6;
			while (!cell.isEmpty() && document.width(cell, 8) > room) {
				cell = cell.substring(0, cell.length() - 1);
			}
			document.text(content, 8, MARGIN + COLUMNS[i], y, List.of(cell));
		}
	}

	private static String check(DeviceEvent event) {
		if (event.batteryOk() == null) {
			return "";
		}
		return "电量" + mark(event.batteryOk()) + " 存储" + mark(event.storageOk()) + " 时间" + mark(event.clockOk());
	}

	private static String mark(Boolean ok) {
		return Boolean.TRUE.equals(ok) ? "√" : "×";
	}

	private static String nullToEmpty(String text) {
		return text == null ? "" : text;
	}
}
