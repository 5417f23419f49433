package org.custodia.media;

import java.util.Locale;
import java.util.Set;

/**
 * Which originals the HTML5 {@code <video>} and {@code <audio>} elements of current Chromium, Firefox and
 * Edge play without help. Only what all of them play counts: HEVC plays in some and not others, so it
 * gets a proxy like MJPEG AVI, H.263 3GP and AMR phone audio do.
 */
final class BrowserFormats {

	private static final String MOV = "mov,mp4,m4a,3gp,3g2,mj2";

	private static final Set<String> MP4_AUDIO = Set.of("aac", "mp3");

	private static final Set<String> WEBM_VIDEO = Set.of("vp8", "vp9", "av1");

	private static final Set<String> WEBM_AUDIO = Set.of("opus", "vorbis");

	private static final Set<String> OGG_AUDIO = Set.of("opus", "vorbis", "flac");

	private static final Set<String> PICTURES = Set.of("mjpeg", "png", "gif", "webp");

	/** Cover art is stored as a video stream; in an .m4a it is a still, not a film to play. */
	private static final Set<String> COVER_ART = Set.of("mjpeg", "png");

	private BrowserFormats() {
	}

	static boolean play(OriginalRef original) {
		String format = lower(original.format());
		String video = lower(original.videoCodec());
		String audio = lower(original.audioCodec());
		if (format == null) {
			return false;
		}
		if (format.equals(MOV)) {
			return !isThirdGeneration(original) && playsInMp4(video, audio, extension(original.storeKey()));
		}
		return switch (format) {
			case "matroska,webm" -> (video == null || WEBM_VIDEO.contains(video))
					&& (audio == null ? video != null : WEBM_AUDIO.contains(audio));
			case "mp3" -> video == null || COVER_ART.contains(video);
			case "aac", "flac" -> video == null;
			case "wav" -> video == null && audio != null && audio.startsWith("pcm_");
			case "ogg" -> video == null && audio != null && OGG_AUDIO.contains(audio);
			case "image2", "jpeg_pipe", "png_pipe", "gif", "webp_pipe" -> audio == null && video != null
					&& PICTURES.contains(video);
			default -> false;
		};
	}

	private static boolean playsInMp4(String video, String audio, String extension) {
		boolean audioPlays = audio == null || MP4_AUDIO.contains(audio);
		if (video == null) {
			return audio != null && audioPlays;
		}
		if (COVER_ART.contains(video)) {
			return "m4a".equals(extension) && audio != null && audioPlays;
		}
		return video.equals("h264") && audioPlays;
	}

	/** Desktop browsers refuse the 3GPP types even around codecs they play. */
	private static boolean isThirdGeneration(OriginalRef original) {
		String type = lower(original.contentType());
		String extension = extension(original.storeKey());
		return type != null && type.contains("3gpp") || "3gp".equals(extension) || "3g2".equals(extension);
	}

	private static String extension(String key) {
		int dot = key.lastIndexOf('.');
		return dot < 0 || dot < key.lastIndexOf('/') ? null : key.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	private static String lower(String text) {
		return text == null || text.isBlank() ? null : text.trim().toLowerCase(Locale.ROOT);
	}
}
