package org.custodia.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * Recognises a file's type from its first bytes, never from its name: an MP4 named {@code .AVI} is
 * {@code video/mp4}. The type only labels the file: whether it is media is FFmpeg's to decide, by decoding it.
 */
final class ContentTypes {

	static final String UNKNOWN = "application/octet-stream";

	/** Enough for two transport-stream packets of 192 bytes, the longest signature read here. */
	static final int HEAD_BYTES = 400;

	/** Top-level boxes QuickTime movies start with when they have no ftyp (older cameras' .mov). */
	private static final Set<String> QUICKTIME_FIRST_BOXES = Set.of("moov", "mdat", "free", "skip", "wide", "pnot");

	private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1");

	private static final int TS_PACKET = 188;

	private static final int M2TS_PACKET = 192;

	private ContentTypes() {
	}

	static String of(byte[] head, int length) {
		byte[] h = Arrays.copyOf(head, Math.max(length, 0));
		if (length >= 12 && ascii(h, 4, 4).equals("ftyp")) {
			return isoType(ascii(h, 8, 4));
		}
		if (length >= 8 && QUICKTIME_FIRST_BOXES.contains(ascii(h, 4, 4))) {
			return "video/quicktime";
		}
		if (length >= 12 && Set.of("RIFF", "RF64", "BW64").contains(ascii(h, 0, 4))) {
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
		if (isTransportStream(h, 0, TS_PACKET) || isTransportStream(h, 4, M2TS_PACKET)) {
			return "video/mp2t";
		}
		if (length >= 4 && (h[0] & 0xff) == 0x1f && (h[1] & 0xff) == 0x07 && h[2] == 0
				&& ((h[3] & 0xff) == 0x3f || (h[3] & 0xff) == 0xbf)) {
			return "video/dv"; // the DIF header block raw DV starts with, as exiftool finds it
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

	private static String isoType(String brand) {
		if (brand.startsWith("3g")) {
			return "video/3gpp";
		}
		if (brand.startsWith("qt")) {
			return "video/quicktime";
		}
		if (HEIF_BRANDS.contains(brand)) {
			return brand.startsWith("mif") || brand.startsWith("msf") ? "image/heif" : "image/heic";
		}
		return brand.startsWith("M4A") ? "audio/mp4" : "video/mp4";
	}

	/** Sync bytes (0x47) at the start of two packets in a row: one alone is too common a byte. */
	private static boolean isTransportStream(byte[] h, int first, int packet) {
		return h.length > first + packet && h[first] == 0x47 && h[first + packet] == 0x47;
	}

	private static String ascii(byte[] bytes, int from, int length) {
		return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
	}
}
