package org.custodia.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import io.nayuki.qrcodegen.QrCode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.custodia.shared.PrintedDocument;
import org.springframework.stereotype.Component;

/**
 * A checkpoint printed on one A4 page in Chinese, with a QR code of the signed note (the verifier key
 * is printed beside it), for a supervising department to keep on paper and check the log against later.
 */
@Component
class CheckpointSheet {

	private static final float MARGIN = 56;

	private final Clock clock;

	CheckpointSheet(Clock clock) {
		this.clock = clock;
	}

	byte[] render(LedgerCheckpoints.StoredCheckpoint checkpoint, String verifierKey) {
		try (PrintedDocument document = new PrintedDocument()) {
			PDPage page = document.newPage(false);
			String[] note = checkpoint.note().split("\n");
			DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm:ss").withZone(clock.getZone());
			try (PDPageContentStream content = document.draw(page)) {
				float top = page.getMediaBox().getHeight() - MARGIN;
				document.text(content, 18, MARGIN, top, List.of("执法音像记录账本签名检查点"));
				document.text(content, 10, MARGIN, top - 20, List.of("Custodia ledger checkpoint (C2SP signed note)"));
				List<String> facts = new ArrayList<>();
				facts.add("账本标识 Origin：" + note[0]);
				facts.add("记录条数 Tree size：" + checkpoint.size());
				facts.add("根哈希 Root hash：" + note[2]);
				facts.add("签名时间 Signed at：" + time.format(checkpoint.signedAt()));
				facts.add("打印时间 Printed at：" + time.format(clock.instant()));
				document.text(content, 11, MARGIN, top - 56, facts);
				document.text(content, 11, MARGIN, top - 170, List.of("签名检查点全文 The signed note:"));
				List<String> noteLines = new ArrayList<>();
				for (String line : note) {
					noteLines.addAll(wrap(line, 72));
				}
				document.text(content, 9, MARGIN, top - 188, noteLines);
				document.text(content, 11, MARGIN, top - 290, List.of("公钥 Verifier key:"));
				document.text(content, 9, MARGIN, top - 306, wrap(verifierKey, 72));
				drawQr(content, checkpoint.note(), MARGIN, top - 580, 220);
				document.text(content, 10, MARGIN + 240, top - 380, List.of(
						"核验方法：",
						"1. 用上方公钥核对本检查点的签名；",
						"2. 在工作站运行",
						"   java -jar custodia.jar verify --checkpoint 检查点文件",
						"   结果为“完好”，即证明今天的账本完整包含",
						"   本检查点所签名的全部记录，未被删改。",
						"二维码内容为签名检查点全文；公钥见上方。",
						"",
						"保管单位：____________________",
						"保管人签字：__________________",
						"日期：________________________"));
			}
			return document.bytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot print the checkpoint", e);
		}
	}

	private static void drawQr(PDPageContentStream content, String text, float x, float y, float width) throws IOException {
		QrCode qr = QrCode.encodeText(text, QrCode.Ecc.QUARTILE);
		float module = width / (qr.size + 8);
		// Each row's dark run is one rectangle, overlapping the next row slightly, so that no hairline
		// seams appear between modules when the page is rendered or printed.
		for (int row = 0; row < qr.size; row++) {
			int column = 0;
			while (column < qr.size) {
				if (!qr.getModule(column, row)) {
					column++;
					continue;
				}
				int end = column;
				while (end < qr.size && qr.getModule(end, row)) {
					end++;
				}
				content.addRect(x + (column + 4) * module, y + (qr.size - row + 3) * module - module * 0.05f,
						(end - column) * module, module * 1.05f);
				column = end;
			}
		}
		content.fill();
	}

	private static List<String> wrap(String text, int width) {
		List<String> lines = new ArrayList<>();
		for (int start = 0; start < text.length(); start += width) {
			lines.add(text.substring(start, Math.min(text.length(), start + width)));
		}
		return lines.isEmpty() ? List.of("") : lines;
	}
}
