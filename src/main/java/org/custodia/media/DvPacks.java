package org.custodia.media;

/**
 * The recording date and time a DV frame keeps in its VAUX packs (0x62 date, 0x63 time), local time
 * of the camcorder's clock, read as exiftool reads it. FFmpeg's DV demuxer gives only the timecode.
 */
final class DvPacks {

	private static final int BLOCK = 80;

	private static final int PACK = 5;

	private DvPacks() {
	}

	/** The time the first frame states, or null; {@code frame} is a whole DV frame of DIF blocks. */
	static StatedTime recordingTime(byte[] frame) {
		String date = null;
		for (int block = 1; block < 6 && (block + 1) * BLOCK <= frame.length; block++) {
			int position = block * BLOCK;
			if ((frame[position] & 0xf0) != 0x50) {
				continue; // not a VAUX block
			}
			for (int pack = 0; pack < 15; pack++) {
				int p = position + 3 + pack * PACK;
				int type = frame[p] & 0xff;
				if (type == 0x62) {
					date = bcdDate(frame[p + 4] & 0xff, frame[p + 3] & 0x1f, frame[p + 2] & 0x3f);
				}
				else if (type == 0x63 && date != null) {
					String time = bcd(frame[p + 4] & 0x3f) + ":" + bcd(frame[p + 3] & 0x7f) + ":" + bcd(frame[p + 2] & 0x7f);
					return time.contains("?") ? null : StatedTime.of(date + " " + time, "DV:DateTimeOriginal");
				}
				else {
					date = type == 0x61 ? date : null; // date and time packs follow each other
				}
			}
		}
		return null;
	}

	private static String bcdDate(int year, int month, int day) {
		String text = bcd(year) + ":" + bcd(month) + ":" + bcd(day);
		if (text.contains("?")) {
			return null;
		}
		// two-digit years, as exiftool reads them: before 90 is this century
		return (year < 0x90 ? "20" : "19") + text;
	}

	private static String bcd(int value) {
		int high = value >> 4;
		int low = value & 0x0f;
		return high > 9 || low > 9 ? "?" : "" + high + low;
	}
}
