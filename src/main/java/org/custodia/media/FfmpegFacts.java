package org.custodia.media;

import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/** Reads container, streams and tags through FFmpeg, naming codecs as ffprobe does ("amr_nb", "hevc"). */
final class FfmpegFacts {

	/** Decimal degrees and metres as Apple and FFmpeg write them: "+34.7466+113.6253+100.000/". */
	private static final Pattern ISO_6709 = Pattern
		.compile("^([+-]\\d{1,2}(?:\\.\\d+)?)([+-]\\d{1,3}(?:\\.\\d+)?)([+-]\\d+(?:\\.\\d+)?)?");

	private FfmpegFacts() {
	}

	/** The problem in the facts says what went wrong; FFmpeg's console lines would only flood imports. */
	static void quietLogging() {
		avutil.av_log_set_level(avutil.AV_LOG_QUIET);
	}

	/** Fills what FFmpeg reads; false when FFmpeg cannot open the file or finds neither sound nor picture. */
	static boolean read(Path file, FactsBuilder facts) {
		quietLogging();
		try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toAbsolutePath().toString())) {
			grabber.start();
			AVFormatContext context = grabber.getFormatContext();
			facts.format = context.iformat().name().getString();
			long duration = context.duration();
			if (duration != avutil.AV_NOPTS_VALUE && duration > 0) {
				facts.durationMillis = Math.round(duration / 1000.0);
			}
			boolean streams = readStreams(context, facts);
			readTags(grabber.getMetadata(), facts);
			return streams;
		}
		catch (FrameGrabber.Exception | RuntimeException ex) {
			return false;
		}
	}

	private static boolean readStreams(AVFormatContext context, FactsBuilder facts) {
		AVStream video = null;
		AVStream audio = null;
		for (int i = 0; i < context.nb_streams(); i++) {
			AVStream stream = context.streams(i);
			int type = stream.codecpar().codec_type();
			// a picture attached to audio (cover art) only counts when there is no real video
			if (type == AVMEDIA_TYPE_VIDEO && (video == null || isAttachedPicture(video) && !isAttachedPicture(stream))) {
				video = stream;
			}
			else if (type == AVMEDIA_TYPE_AUDIO && audio == null) {
				audio = stream;
			}
		}
		if (video != null) {
			facts.videoCodec = avcodec.avcodec_get_name(video.codecpar().codec_id()).getString();
			facts.width = positive(video.codecpar().width());
			facts.height = positive(video.codecpar().height());
			if (!isAttachedPicture(video)) {
				double rate = rate(video.avg_frame_rate());
				facts.frameRate = rate > 0 ? rate : positive(rate(video.r_frame_rate()));
			}
		}
		if (audio != null) {
			facts.audioCodec = avcodec.avcodec_get_name(audio.codecpar().codec_id()).getString();
			facts.audioChannels = positive(audio.codecpar().ch_layout().nb_channels());
			facts.audioSampleRate = positive(audio.codecpar().sample_rate());
		}
		return video != null || audio != null;
	}

	static boolean isAttachedPicture(AVStream stream) {
		return (stream.disposition() & avformat.AV_DISPOSITION_ATTACHED_PIC) != 0;
	}

	private static void readTags(Map<String, String> tags, FactsBuilder facts) {
		String format = facts.format;
		if (format.startsWith("mov")) {
			// Apple's keys state the offset; the movie header's time does not
			facts.created(StatedTime.of(tags.get("com.apple.quicktime.creationdate"), "Keys:CreationDate"));
			facts.created(StatedTime.of(tags.get("creation_time"), "QuickTime:CreateDate"));
		}
		else if (format.equals("wav") || format.equals("avi")) {
			String stated = tags.get("creation_time");
			// FFmpeg gives an AVI's IDIT as a full date-time, a WAV's bext time of day alone ("05-25-39")
			if (stated != null && stated.length() > 10) {
				facts.created(StatedTime.of(stated, "RIFF:DateTimeOriginal"));
			}
			else if (stated != null) {
				facts.created(StatedTime.combined(tags.get("date"), stated, "RIFF:DateTimeOriginal"));
			}
		}
		else if (format.equals("mp3")) {
			String date = tags.get("date");
			boolean year = date != null && date.trim().length() == 4;
			facts.created(StatedTime.of(date, year ? "ID3:Year" : "ID3:RecordingTime"));
		}
		else {
			facts.created(StatedTime.of(tags.get("creation_time"), "creation_time"));
		}
		facts.make = first(tags, "com.apple.quicktime.make", "make", "com.android.manufacturer");
		facts.model = first(tags, "com.apple.quicktime.model", "model", "com.android.model");
		String location = first(tags, "com.apple.quicktime.location.ISO6709", "location");
		Matcher matcher = location == null ? null : ISO_6709.matcher(location);
		if (matcher != null && matcher.find()) {
			facts.latitude = Double.valueOf(matcher.group(1));
			facts.longitude = Double.valueOf(matcher.group(2));
			facts.altitude = matcher.group(3) == null ? null : Double.valueOf(matcher.group(3));
		}
	}

	private static String first(Map<String, String> tags, String... keys) {
		for (String key : keys) {
			String value = tags.get(key);
			if (value != null && !value.isBlank()) {
				return value.trim();
			}
		}
		return null;
	}

	private static double rate(AVRational rational) {
		return rational.num() > 0 && rational.den() > 0 ? avutil.av_q2d(rational) : 0;
	}

	private static Integer positive(int value) {
		return value > 0 ? value : null;
	}

	private static Double positive(double value) {
		return value > 0 ? value : null;
	}
}
