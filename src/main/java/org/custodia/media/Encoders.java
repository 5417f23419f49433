package org.custodia.media;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.global.avcodec;

/**
 * The encoders this FFmpeg build has for browser copies. The bundled JavaCV build has no libx264 but
 * Cisco's OpenH264 and FFmpeg's own AAC; VP9 and Opus in WebM are the fallback should a build lack H.264.
 * Hardware encoders (VAAPI, NVENC, QSV) are listed by the build but need hardware a workstation lacks.
 */
final class Encoders {

	/** A container with its codecs, file extension and content types. */
	record Target(String format, String extension, String videoCodec, String audioCodec, String videoType,
			String audioType) {

		boolean isMp4() {
			return format.equals("mp4");
		}
	}

	static final Target BROWSER = choose();

	private Encoders() {
	}

	private static Target choose() {
		String h264 = first("libx264", "libopenh264");
		String aac = first("aac", "libfdk_aac");
		if (h264 != null && aac != null) {
			return new Target("mp4", "mp4", h264, aac, "video/mp4", "audio/mp4");
		}
		return new Target("webm", "webm", first("libvpx-vp9", "libvpx"), first("libopus", "opus"), "video/webm",
				"audio/webm");
	}

	private static String first(String... names) {
		for (String name : names) {
			AVCodec codec = avcodec.avcodec_find_encoder_by_name(name);
			if (codec != null && !codec.isNull()) {
				return name;
			}
		}
		return null;
	}
}
