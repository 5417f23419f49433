package org.custodia.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The maker and model cameras keep in boxes of their own, which FFmpeg does not read: DJI's udta
 * "©mdl", Canon's CNMN, and the Device of Sony's NonRealTimeMeta XML (meta/"xml "). Only headers are
 * read on the way down, so a long recording's sample tables are skipped, not loaded.
 */
final class MakerBoxes {

	record Maker(String make, String model) {
	}

	private static final String DJI_MODEL = "\u00a9mdl";

	private static final Pattern SONY_DEVICE = Pattern.compile("<Device\\s[^>]*>");

	private static final int MAX_LEAF_BYTES = 64 * 1024;

	private static final int MAX_DEPTH = 4;

	private MakerBoxes() {
	}

	/** What the camera's own boxes name; either part null when they do not. */
	static Maker read(SeekableByteChannel channel) throws IOException {
		Maker[] found = { new Maker(null, null) };
		walk(channel, 0, channel.size(), 0, found);
		return found[0];
	}

	private static void walk(SeekableByteChannel channel, long start, long end, int depth, Maker[] found)
			throws IOException {
		long position = start;
		for (int i = 0; i < 10_000 && position + 8 <= end; i++) {
			ByteBuffer header = read(channel, position, 8);
			long size = Integer.toUnsignedLong(header.getInt(0));
			String type = new String(header.array(), 4, 4, StandardCharsets.ISO_8859_1);
			if (size == 1) {
				size = read(channel, position + 8, 8).getLong(0);
			}
			else if (size == 0) {
				size = end - position;
			}
			if (size < 8 || position + size > end) {
				return;
			}
			long body = position + 8;
			long bodySize = size - 8;
			if (depth < MAX_DEPTH && (type.equals("moov") || type.equals("udta") || type.equals("skip"))) {
				walk(channel, body, body + bodySize, depth + 1, found);
			}
			else if (depth < MAX_DEPTH && type.equals("meta") && bodySize >= 4) {
				// ISO's meta is a full box (version and flags first); QuickTime's is not
				boolean full = read(channel, body, 4).getInt(0) == 0;
				walk(channel, full ? body + 4 : body, body + bodySize, depth + 1, found);
			}
			else if (bodySize <= MAX_LEAF_BYTES && (type.equals(DJI_MODEL) || type.equals("CNMN") || type.equals("xml "))) {
				leaf(type, text(read(channel, body, (int) bodySize)), found);
			}
			position += size;
		}
	}

	private static void leaf(String type, String text, Maker[] found) {
		Maker known = found[0];
		if (type.equals(DJI_MODEL) && known.model() == null) {
			found[0] = new Maker(known.make() == null ? "DJI" : known.make(), text);
		}
		else if (type.equals("CNMN") && known.model() == null) {
			found[0] = new Maker(known.make() == null ? "Canon" : known.make(), text);
		}
		else if (type.equals("xml ")) {
			Matcher device = SONY_DEVICE.matcher(text);
			if (device.find()) {
				String make = attribute(device.group(), "manufacturer");
				String model = attribute(device.group(), "modelName");
				found[0] = new Maker(known.make() != null ? known.make() : make, known.model() != null ? known.model() : model);
			}
		}
	}

	private static String attribute(String element, String name) {
		Matcher matcher = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(element);
		return matcher.find() && !matcher.group(1).isBlank() ? matcher.group(1).trim() : null;
	}

	private static String text(ByteBuffer body) {
		String text = new String(body.array(), 0, body.limit(), StandardCharsets.UTF_8);
		int end = text.indexOf('\0', text.startsWith("\0") ? 4 : 0);
		String trimmed = (end >= 0 ? text.substring(0, end) : text).replace("\0", "").trim();
		return trimmed.isEmpty() ? null : trimmed;
	}

	private static ByteBuffer read(SeekableByteChannel channel, long position, int length) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(length);
		channel.position(position);
		while (buffer.hasRemaining() && channel.read(buffer) > 0) {
			// a channel may return fewer bytes than asked for
		}
		return buffer.flip();
	}
}
