package org.custodia.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A PDF for printing, in Chinese: A4 pages written with the CJK font shipped in the jar (embedded as
 * a subset), so registers and certificates print the same on any machine, offline.
 */
public final class PrintedDocument implements AutoCloseable {

	static final String FONT = "/fonts/wqy-microhei.ttc";

	private final TrueTypeCollection fonts;

	private final PDDocument document;

	private final PDType0Font font;

	public PrintedDocument() {
		this(new PDDocument());
	}

	private PrintedDocument(PDDocument document) {
		this.document = document;
		try (InputStream data = PrintedDocument.class.getResourceAsStream(FONT)) {
			this.fonts = new TrueTypeCollection(data);
			this.font = PDType0Font.load(document, fonts.getFontByName("WenQuanYiMicroHei"), true);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot load the CJK font " + FONT, e);
		}
	}

	/** A document whose pages are kept in a scratch file while it is written: for reports of any length. */
	public static PrintedDocument onScratchFile() {
		return new PrintedDocument(new PDDocument(org.apache.pdfbox.io.IOUtils.createTempFileOnlyStreamCache()));
	}

	public PDPage newPage(boolean landscape) {
		PDPage page = new PDPage(landscape ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth())
				: PDRectangle.A4);
		document.addPage(page);
		return page;
	}

	public PDPageContentStream draw(PDPage page) {
		try {
			return new PDPageContentStream(document, page);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Writes lines from (x, y) downwards, one and a half times the font size apart. */
	public void text(PDPageContentStream content, float size, float x, float y, List<String> lines) throws IOException {
		content.beginText();
		content.setFont(font, size);
		content.setLeading(size * 1.5f);
		content.newLineAtOffset(x, y);
		for (String line : lines) {
			content.showText(line);
			content.newLine();
		}
		content.endText();
	}

	/** The width of a text in points at the size, for laying out tables. */
	public float width(String text, float size) throws IOException {
		return font.getStringWidth(text) / 1000 * size;
	}

	/**
	 * A table cell broken into lines no wider than {@code room} at the size, character by character (Chinese has no
	 * spaces to break at); line breaks become spaces, and a character the bundled font lacks (an emoji in a reason)
	 * prints as a mark rather than failing the document.
	 */
	public List<String> wrap(String text, float size, float room) throws IOException {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		String cell = text == null ? "" : text;
		for (int offset = 0; offset < cell.length();) {
			int codePoint = cell.codePointAt(offset);
			offset += Character.charCount(codePoint);
			if (codePoint == '\n' || codePoint == '\r') {
				codePoint = ' ';
			}
			else if (!printable(codePoint, size)) {
				codePoint = '?';
			}
			String next = line + new String(Character.toChars(codePoint));
			if (line.length() > 0 && width(next, size) > room) {
				lines.add(line.toString());
				line.setLength(0);
			}
			line.appendCodePoint(codePoint);
		}
		lines.add(line.toString());
		return lines;
	}

	private boolean printable(int codePoint, float size) throws IOException {
		try {
			width(new String(Character.toChars(codePoint)), size);
			return true;
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	public byte[] bytes() {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Writes the document to {@code out}, which stays open. */
	public void save(java.io.OutputStream out) {
		try {
			document.save(out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void close() {
		try {
			document.close();
			fonts.close();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
