package org.custodia.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Recognises a file's type from its first bytes, never from its name: an MP4 named {@code .AVI} is
 * {@code video/mp4}. A file of a type not known here is not media and is not read for its media facts.
 */
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
			return switch (form) {
				case "AVI " -> "video/x-msvideo";
				case "WAVE" -> "audio/wav";
				case "WEBP" -> "image/webp";
				default -> UNKNOWN;
			};
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
		if (length >= 2 && (h[0] & 0xff) == 0xff && (h[1] & 0xf6) == 0xf0) {
			// an ADTS header: MPEG audio's sync word with the layer bits MPEG audio never has (00)
			return "audio/aac";
		}
		if (length >= 2 && (h[0] & 0xff) == 0xff && (h[1] & 0xe0) == 0xe0) {
			return "audio/mpeg";
		}
		return others(h, length);
	}

	/** Containers and pictures a phone, a camera or a recorder may also hand over; FFmpeg reads them all. */
	private static String others(byte[] h, int length) {
		if (length >= 4 && (h[0] & 0xff) == 0x1a && (h[1] & 0xff) == 0x45 && (h[2] & 0xff) == 0xdf
				&& (h[3] & 0xff) == 0xa3) {
			// Matroska or WebM: which of the two is said after the first 16 bytes; FFmpeg reads both alike
			return "video/x-matroska";
		}
		if (length >= 4 && h[0] == 0 && h[1] == 0 && h[2] == 1 && (h[3] & 0xff) == 0xba) {
			return "video/mpeg";
		}
		if (length >= 4 && ascii(h, 0, 4).equals("OggS")) {
			return "audio/ogg";
		}
		if (length >= 4 && ascii(h, 0, 4).equals("fLaC")) {
			return "audio/flac";
		}
		if (length >= 8 && (h[0] & 0xff) == 0x89 && ascii(h, 1, 7).equals("PNG\r\n\u001a\n")) {
			return "image/png";
		}
		if (length >= 6 && (ascii(h, 0, 6).equals("GIF87a") || ascii(h, 0, 6).equals("GIF89a"))) {
			return "image/gif";
		}
		return UNKNOWN;
	}

	private static String ascii(byte[] bytes, int from, int length) {
		return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
	}
}
