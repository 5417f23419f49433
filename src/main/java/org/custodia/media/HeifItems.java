package org.custodia.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/**
 * The size of a HEIF still's primary item, from the {@code ispe} property the item is associated with
 * (meta/pitm, meta/iprp/ipco, meta/iprp/ipma): a phone's photo is a grid of 512x512 tiles, each with its
 * own ispe, and only the grid item's is the picture's size.
 */
final class HeifItems {

	private static final int MAX_META_BYTES = 4 << 20;

	private HeifItems() {
	}

	/** {width, height}, or null when the file has no readable primary item size. */
	static int[] primarySize(SeekableByteChannel channel) throws IOException {
		ByteBuffer meta = Containers.isoBox(channel, "meta", MAX_META_BYTES);
		if (meta == null || meta.remaining() < 4) {
			return null;
		}
		meta.position(meta.position() + 4); // full box: version and flags
		long primary = -1;
		ByteBuffer ipco = null;
		ByteBuffer ipma = null;
		for (ByteBuffer box = next(meta); box != null; box = next(meta)) {
			String type = type(box);
			if (type.equals("pitm")) {
				primary = box.get(box.position() + 8) == 0 ? Short.toUnsignedInt(box.getShort(box.position() + 12))
						: Integer.toUnsignedLong(box.getInt(box.position() + 12));
			}
			else if (type.equals("iprp")) {
				ByteBuffer children = box.slice(box.position() + 8, box.remaining() - 8);
				for (ByteBuffer child = next(children); child != null; child = next(children)) {
					if (type(child).equals("ipco")) {
						ipco = child;
					}
					else if (type(child).equals("ipma") && ipma == null) {
						ipma = child;
					}
				}
			}
		}
		if (primary < 0 || ipco == null || ipma == null) {
			return null;
		}
		return ispe(ipco, associated(ipma, primary));
	}

	/** The 1-based ipco indexes associated with the item. */
	private static int[] associated(ByteBuffer ipma, long item) {
		int start = ipma.position();
		int version = ipma.get(start + 8);
		boolean wide = (ipma.get(start + 11) & 1) != 0;
		int p = start + 12;
		long entries = Integer.toUnsignedLong(ipma.getInt(p));
		p += 4;
		for (long e = 0; e < entries && p < ipma.limit(); e++) {
			long id = version < 1 ? Short.toUnsignedInt(ipma.getShort(p)) : Integer.toUnsignedLong(ipma.getInt(p));
			p += version < 1 ? 2 : 4;
			int count = Byte.toUnsignedInt(ipma.get(p++));
			int[] indexes = new int[count];
			for (int i = 0; i < count; i++) {
				indexes[i] = wide ? ipma.getShort(p) & 0x7fff : ipma.get(p) & 0x7f;
				p += wide ? 2 : 1;
			}
			if (id == item) {
				return indexes;
			}
		}
		return new int[0];
	}

	private static int[] ispe(ByteBuffer ipco, int[] indexes) {
		ByteBuffer properties = ipco.slice(ipco.position() + 8, ipco.remaining() - 8);
		int index = 0;
		for (ByteBuffer property = next(properties); property != null; property = next(properties)) {
			index++;
			for (int wanted : indexes) {
				if (wanted == index && type(property).equals("ispe") && property.remaining() >= 20) {
					int width = property.getInt(property.position() + 12);
					int height = property.getInt(property.position() + 16);
					return width > 0 && height > 0 ? new int[] { width, height } : null;
				}
			}
		}
		return null;
	}

	/** The next box in the buffer as a buffer of its own (header included), advancing past it; null at the end. */
	static ByteBuffer next(ByteBuffer boxes) {
		if (boxes.remaining() < 8) {
			return null;
		}
		long size = Integer.toUnsignedLong(boxes.getInt(boxes.position()));
		if (size < 8 || size > boxes.remaining()) {
			return null;
		}
		ByteBuffer box = boxes.slice(boxes.position(), (int) size);
		boxes.position(boxes.position() + (int) size);
		return box;
	}

	static String type(ByteBuffer box) {
		byte[] type = new byte[4];
		box.get(box.position() + 4, type);
		return new String(type, java.nio.charset.StandardCharsets.ISO_8859_1);
	}
}
