package org.custodia.media;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The creation times, maker and model an XMP packet states, read as text: a movie's XMP box (as
 * FFmpeg hands it over) or a photo's. Both the attribute form ({@code xmp:CreateDate="…"}) and the
 * element form ({@code <xmp:CreateDate>…</xmp:CreateDate>}) are read. XMP times carry their zone
 * ("Z", "+08:00") when the writer knew it.
 */
record Xmp(List<StatedTime> times, String make, String model) {

	static final Xmp NOTHING = new Xmp(List.of(), null, null);

	/** The XMP property, and the tag exiftool gives its time, in the order they are trusted. */
	private static final String[][] TIMES = { { "exif:DateTimeOriginal", "XMP:DateTimeOriginal" },
			{ "xmp:CreateDate", "XMP:CreateDate" }, { "photoshop:DateCreated", "XMP:DateCreated" } };

	static Xmp parse(String packet) {
		if (packet == null || packet.isBlank()) {
			return NOTHING;
		}
		List<StatedTime> times = new ArrayList<>();
		for (String[] property : TIMES) {
			StatedTime time = StatedTime.of(value(packet, property[0]), property[1]);
			if (time != null) {
				times.add(time);
			}
		}
		return new Xmp(List.copyOf(times), value(packet, "tiff:Make"), value(packet, "tiff:Model"));
	}

	private static String value(String packet, String property) {
		String name = Pattern.quote(property);
		Matcher matcher = Pattern.compile("\\b" + name + "\\s*=\\s*[\"']([^\"']*)[\"']|<" + name
				+ "(?:\\s[^>]*)?>\\s*(?:<rdf:Alt>\\s*<rdf:li[^>]*>)?([^<]*)<").matcher(packet);
		if (!matcher.find()) {
			return null;
		}
		String text = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
		return text == null || text.isBlank() ? null : text.trim();
	}
}
