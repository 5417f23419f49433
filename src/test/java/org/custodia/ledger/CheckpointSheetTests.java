package org.custodia.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.custodia.shared.CustodiaProperties;
import org.custodia.shared.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The printed checkpoint: Chinese text, and a QR code that a phone or scanner reads back to the exact note. */
class CheckpointSheetTests {

	@TempDir
	Path dataDir;

	/**
	 * ZXing's detector misses a few percent of even perfect QR codes with one strategy, so it is given
	 * two binarizers and two modes, as scanner apps do; none of them reads what is not there.
	 */
	/** The QR code stands in the page's lower left: 220 pt square, its top 416 pt below the page's top. */
	static String read(PDDocument document) throws java.io.IOException {
		for (int dpi : new int[] { 300, 200, 400 }) {
			BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, dpi);
			float scale = dpi / 72f;
			BufferedImage image = page.getSubimage((int) (48 * scale), (int) (408 * scale), (int) (236 * scale),
					(int) (236 * scale));
			String read = read(image);
			if (read != null) {
				return read;
			}
		}
		throw new AssertionError("no QR code could be read");
	}

	static String read(BufferedImage image) {
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
		for (Binarizer binarizer : List.of(new HybridBinarizer(source), new GlobalHistogramBinarizer(source))) {
			for (Map<DecodeHintType, ?> hints : List.of(Map.of(DecodeHintType.TRY_HARDER, true),
					Map.of(DecodeHintType.PURE_BARCODE, true))) {
				try {
					return new QRCodeReader().decode(new BinaryBitmap(binarizer), hints).getText();
				}
				catch (ReaderException e) {
					// Try the next strategy.
				}
			}
		}
		return null;
	}

	@Test
	void printsTheCheckpointWithAQrCodeThatReadsBack() throws Exception {
		LedgerKeys keys = new LedgerKeys(new CustodiaProperties(dataDir, false));
		CheckpointSheet sheet = new CheckpointSheet(new MutableClock(Instant.parse("2026-11-23T08:00:00Z"), ZoneId.of("Asia/Shanghai")));
		for (long size = 1; size <= 1_000_000; size *= 37) {
			byte[] root = Merkle.leafHash(Long.toString(size).getBytes());
			String note = SignedNote.sign(new SignedNote.Checkpoint(keys.origin(), size, root), keys.verifierKey(), keys.privateKey());
			byte[] pdf = sheet.render(new LedgerCheckpoints.StoredCheckpoint(size, "", "", note,
					Instant.parse("2026-11-23T07:59:00Z")), keys.verifierKey().text());
			try (PDDocument document = Loader.loadPDF(pdf)) {
				assertThat(new PDFTextStripper().getText(document)).contains("执法音像记录账本签名检查点",
						"记录条数 Tree size：" + size, "2026年11月23日 15:59:00");
				assertThat(read(document)).as("size " + size).isEqualTo(note);
			}
		}
	}
}
