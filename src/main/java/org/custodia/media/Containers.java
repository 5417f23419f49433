package org.custodia.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads container structure without decoding: whether a RIFF or ISO media file was cut short (its
 * declared sizes reach past the end, as when a camera loses power mid-recording), whether a file is
 * text, and the text fields RIFF files keep in their INFO and exif lists, which FFmpeg does not read.
 */
final class Containers {

	private static final Set<String> ISO_TOP_BOXES = Set.of("ftyp", "moov", "mdat", "free", "skip", "wide", "pnot");

	private static final Set<String> RIFF_TEXTS = Set.of("ICRD", "ecor", "emdl", "etim");

	private static final int MAX_CHUNKS = 10_000;

	private Containers() {
	}

	/** True when the head decodes as UTF-8 with no control characters but white space. */
	static boolean isText(byte[] head, int length, boolean whole) {
		if (length == 0) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			int b = head[i] & 0xff;
			if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
				return false;
			}
		}
		// when the head is only the start of the file, its last character may be cut in the middle
		for (int cut = 0; cut <= (whole ? 0 : Math.min(3, length - 1)); cut++) {
			try {
				StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(head, 0, length - cut));
				return true;
			}
			catch (CharacterCodingException ex) {
				// try a shorter prefix
			}
		}
		return false;
	}

	/** True when the file starts with a top-level ISO media box (MP4, MOV, 3GP, HEIF). */
	static boolean isIso(byte[] head, int length) {
		return length >= 8 && ISO_TOP_BOXES.contains(ascii(head, 4, 4));
	}

	/** True when an ISO media (MP4, MOV, 3GP) or RIFF (WAV, AVI) file declares more bytes than it holds. */
	static boolean isCutShort(SeekableByteChannel channel, byte[] head, int length) throws IOException {
		if (length >= 12 && ascii(head, 0, 4).equals("RIFF")) {
			return riffCutShort(channel);
		}
		if (isIso(head, length)) {
			return isoCutShort(channel);
		}
		return false;
	}

	private static boolean isoCutShort(SeekableByteChannel channel) throws IOException {
		long size = channel.size();
		long position = 0;
		for (int i = 0; i < MAX_CHUNKS && position < size; i++) {
			ByteBuffer header = read(channel, position, 16, ByteOrder.BIG_ENDIAN);
			if (header.remaining() < 8) {
				return true;
			}
			long boxSize = Integer.toUnsignedLong(header.getInt(0));
			if (boxSize == 1) {
				if (header.remaining() < 16) {
					return true;
				}
				boxSize = header.getLong(8);
			}
			else if (boxSize == 0) {
				return false; // the last box runs to the end of the file
			}
			if (boxSize < 8 || position + boxSize > size) {
				return true;
			}
			position += boxSize;
		}
		return false;
	}

	private static boolean riffCutShort(SeekableByteChannel channel) throws IOException {
		long size = channel.size();
		long position = 0;
		// large AVI files continue in further top-level RIFF chunks (AVIX)
		for (int i = 0; i < MAX_CHUNKS && position + 8 <= size; i++) {
			ByteBuffer header = read(channel, position, 8, ByteOrder.LITTLE_ENDIAN);
			if (position > 0 && !ascii(header, 0).equals("RIFF")) {
				return false; // some writers leave bytes after the last chunk
			}
			long chunkSize = Integer.toUnsignedLong(header.getInt(4));
			if (position + 8 + chunkSize > size) {
				return true;
			}
			position += 8 + chunkSize + (chunkSize & 1);
		}
		return false;
	}

	/** The INFO and exif list texts of a RIFF file (ICRD, ecor, emdl, etim), trimmed. */
	static Map<String, String> riffTexts(SeekableByteChannel channel) throws IOException {
		Map<String, String> texts = new HashMap<>();
		long end = Math.min(channel.size(), 8 + Integer.toUnsignedLong(
				read(channel, 0, 8, ByteOrder.LITTLE_ENDIAN).getInt(4)));
		readList(channel, 12, end, texts, 0);
		return texts;
	}

	private static void readList(SeekableByteChannel channel, long start, long end, Map<String, String> texts,
			int depth) throws IOException {
		long position = start;
		for (int i = 0; i < MAX_CHUNKS && position + 8 <= end; i++) {
			ByteBuffer header = read(channel, position, 12, ByteOrder.LITTLE_ENDIAN);
			String id = ascii(header, 0);
			long chunkSize = Integer.toUnsignedLong(header.getInt(4));
			long chunkEnd = Math.min(end, position + 8 + chunkSize);
			if (id.equals("LIST") && header.remaining() >= 12 && depth < 4 && !ascii(header, 8).equals("movi")) {
				readList(channel, position + 12, chunkEnd, texts, depth + 1);
			}
			else if (RIFF_TEXTS.contains(id) && chunkSize <= 256) {
				ByteBuffer data = read(channel, position + 8, (int) (chunkEnd - position - 8), ByteOrder.LITTLE_ENDIAN);
				String text = StandardCharsets.ISO_8859_1.decode(data).toString().replace('\0', ' ').trim();
				if (!text.isEmpty()) {
					texts.putIfAbsent(id, text);
				}
			}
			position += 8 + chunkSize + (chunkSize & 1);
		}
	}

	/**
	 * The body of the first top-level ISO box of this type (after its 8-byte header), at most
	 * {@code maxBytes} of it; null when the file has none or its boxes do not chain.
	 */
	static ByteBuffer isoBox(SeekableByteChannel channel, String type, int maxBytes) throws IOException {
		long size = channel.size();
		long position = 0;
		for (int i = 0; i < MAX_CHUNKS && position + 8 <= size; i++) {
			ByteBuffer header = read(channel, position, 16, ByteOrder.BIG_ENDIAN);
			long boxSize = Integer.toUnsignedLong(header.getInt(0));
			int headerSize = 8;
			if (boxSize == 1 && header.remaining() >= 16) {
				boxSize = header.getLong(8);
				headerSize = 16;
			}
			else if (boxSize == 0) {
				boxSize = size - position;
			}
			if (boxSize < headerSize) {
				return null;
			}
			if (ascii(header, 4).equals(type)) {
				long body = Math.min(boxSize, size - position) - headerSize;
				return read(channel, position + headerSize, (int) Math.min(body, maxBytes), ByteOrder.BIG_ENDIAN);
			}
			position += boxSize;
		}
		return null;
	}

	/**
	 * The playing time the movie header (moov/mvhd) states, in milliseconds; null when the file has no
	 * movie header or states none (0, or all ones, as fragmented and live recordings leave it).
	 */
	static Long movieHeaderMillis(SeekableByteChannel channel) throws IOException {
		ByteBuffer moov = isoBox(channel, "moov", 64 * 1024);
		if (moov == null) {
			return null;
		}
		for (ByteBuffer box = HeifItems.next(moov); box != null; box = HeifItems.next(moov)) {
			if (HeifItems.type(box).equals("mvhd") && box.remaining() >= 32) {
				int at = box.position();
				boolean wide = box.get(at + 8) == 1;
				if (wide && box.remaining() < 40) {
					return null;
				}
				long timescale = Integer.toUnsignedLong(box.getInt(at + (wide ? 28 : 20)));
				long duration = wide ? box.getLong(at + 32) : Integer.toUnsignedLong(box.getInt(at + 24));
				boolean unknown = duration == 0 || duration == (wide ? -1L : 0xffffffffL);
				return timescale == 0 || unknown || duration < 0 ? null : Math.round(duration * 1000.0 / timescale);
			}
		}
		return null;
	}

	private static ByteBuffer read(SeekableByteChannel channel, long position, int length, ByteOrder order)
			throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(Math.max(0, length)).order(order);
		channel.position(position);
		while (buffer.hasRemaining() && channel.read(buffer) > 0) {
			// a channel may return fewer bytes than asked for
		}
		return buffer.flip();
	}

	private static String ascii(byte[] bytes, int offset, int length) {
		return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
	}

	private static String ascii(ByteBuffer buffer, int offset) {
		byte[] bytes = new byte[4];
		buffer.get(offset, bytes);
		return new String(bytes, StandardCharsets.ISO_8859_1);
	}
}
