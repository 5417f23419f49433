package org.custodia.media;

import java.util.Locale;
import java.util.Set;

/**
 * Which originals the HTML5 {@code <video>} and {@code <audio>} elements of current Chromium, Firefox and
 * Edge play without help. Only what all of them play counts: HEVC plays in some and not others, so it
 * gets a proxy like MJPEG AVI, H.263 3GP and AMR phone audio do. What decides is the content (the
 * container as FFmpeg reads it, its codecs, the type its first bytes show), never the file's name: an
 * MP4 a camera named {@code .AVI} plays as the MP4 it is.
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
			return !isThirdGeneration(original) && playsInMp4(video, audio, isSound(original));
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

	/**
	 * The type to serve an original that plays with: the one its content is, whatever its name or the type
	 * sniffed at import say (an MOV holding H.264 is served as the MP4 it is to the browser). Null when
	 * it does not play.
	 */
	static String servedType(OriginalRef original) {
		if (!play(original)) {
			return null;
		}
		String format = lower(original.format());
		boolean moving = lower(original.videoCodec()) != null && !isSound(original);
		return switch (format) {
			case MOV -> moving ? "video/mp4" : "audio/mp4";
			case "matroska,webm" -> lower(original.videoCodec()) != null ? "video/webm" : "audio/webm";
			case "mp3" -> "audio/mpeg";
			case "aac" -> "audio/aac";
			case "flac" -> "audio/flac";
			case "wav" -> "audio/wav";
			case "ogg" -> "audio/ogg";
			case "gif" -> "image/gif";
			case "png_pipe" -> "image/png";
			case "webp_pipe" -> "image/webp";
			default -> "png".equals(lower(original.videoCodec())) ? "image/png" : "image/jpeg";
		};
	}

	private static boolean playsInMp4(String video, String audio, boolean sound) {
		boolean audioPlays = audio == null || MP4_AUDIO.contains(audio);
		if (video == null) {
			return audio != null && audioPlays;
		}
		if (COVER_ART.contains(video)) {
			return sound && audio != null && audioPlays;
		}
		return video.equals("h264") && audioPlays;
	}

	/** Desktop browsers refuse the 3GPP types even around codecs they play; the file's brand says it is one. */
	private static boolean isThirdGeneration(OriginalRef original) {
		String type = lower(original.contentType());
		return type != null && type.contains("3gpp");
	}

	/** A sound recording by its brand (an M4A), where a picture in it is its cover, not a film. */
	private static boolean isSound(OriginalRef original) {
		String type = lower(original.contentType());
		return type != null && type.startsWith("audio/");
	}

	private static String lower(String text) {
		return text == null || text.isBlank() ? null : text.trim().toLowerCase(Locale.ROOT);
	}
}
