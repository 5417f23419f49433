package org.custodia.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Recognises a file's type from its first bytes, never from its name. */
final class ContentTypes {

	static final String UNKNOWN = "application/octet-stream";

	private ContentTypes() {
	}

	static String of(byte[] head, int length) {
		byte[] h = Arrays.copyOf(head, Math.max(length, 0));
		if (length >= 12 && ascii(h, 4, 4).equals("ftyp")) {
			String brand = ascii(h, 8, 4);
			if (brand.startsWith("3g")) {
				return "video/3gpp";
			}
			if (brand.startsWith("qt")) {
				return "video/quicktime";
			}
			return brand.startsWith("M4A") ? "audio/mp4" : "video/mp4";
		}
		if (length >= 12 && ascii(h, 0, 4).equals("RIFF")) {
			String form = ascii(h, 8, 4);
			return form.equals("AVI ") ? "video/x-msvideo" : form.equals("WAVE") ? "audio/wav" : UNKNOWN;
		}
		if (length >= 6 && ascii(h, 0, 6).equals("#!AMR\n")) {
			return "audio/amr";
		}
		if (length >= 3 && (h[0] & 0xff) == 0xff && (h[1] & 0xff) == 0xd8 && (h[2] & 0xff) == 0xff) {
			return "image/jpeg";
		}
		if (length >= 3 && ascii(h, 0, 3).equals("ID3")) {
			return "audio/mpeg";
		}
		if (length >= 2 && (h[0] & 0xff) == 0xff && (h[1] & 0xe0) == 0xe0) {
			return "audio/mpeg";
		}
		return UNKNOWN;
	}

	private static String ascii(byte[] bytes, int from, int length) {
		return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
	}
}
