package org.custodia.media;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Burns the copy's text into the bottom of every picture, white on a dark band, in the bundled CJK font
 * (WenQuanYi Micro Hei) so that it looks the same on every machine. The text wraps between its fields
 * rather than shrinking below legibility on small pictures.
 */
final class Watermark implements Consumer<BufferedImage> {

	private static final Font FONT = load();

	private final String[] fields;

	Watermark(String text) {
		this.fields = text.split("  ");
	}

	@Override
	public void accept(BufferedImage picture) {
		Graphics2D graphics = picture.createGraphics();
		try {
			graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			int size = Math.max(12, picture.getHeight() / 26);
			graphics.setFont(FONT.deriveFont((float) size));
			FontMetrics metrics = graphics.getFontMetrics();
			int margin = size / 2;
			List<String> lines = lines(metrics, picture.getWidth() - 2 * margin);
			int lineHeight = metrics.getHeight();
			int top = picture.getHeight() - lines.size() * lineHeight - margin;
			graphics.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.55f));
			graphics.setColor(Color.BLACK);
			graphics.fillRect(0, top - margin / 2, picture.getWidth(), picture.getHeight() - top + margin / 2);
			graphics.setComposite(AlphaComposite.SrcOver);
			graphics.setColor(Color.WHITE);
			for (int i = 0; i < lines.size(); i++) {
				graphics.drawString(lines.get(i), margin, top + i * lineHeight + metrics.getAscent());
			}
		}
		finally {
			graphics.dispose();
		}
	}

	private List<String> lines(FontMetrics metrics, int width) {
		List<String> lines = new ArrayList<>();
		String line = "";
		for (String field : fields) {
			String longer = line.isEmpty() ? field : line + "  " + field;
			if (!line.isEmpty() && metrics.stringWidth(longer) > width) {
				lines.add(line);
				line = field;
			}
			else {
				line = longer;
			}
		}
		lines.add(line);
		return lines;
	}

	private static Font load() {
		try (InputStream in = Watermark.class.getResourceAsStream("/fonts/wqy-microhei.ttc")) {
			if (in == null) {
				throw new IllegalStateException("fonts/wqy-microhei.ttc is missing from the classpath");
			}
			return Font.createFonts(in)[0];
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (FontFormatException e) {
			throw new IllegalStateException("fonts/wqy-microhei.ttc cannot be read", e);
		}
	}
}
