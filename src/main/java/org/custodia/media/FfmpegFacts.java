package org.custodia.media;

import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AV_DICT_IGNORE_SUFFIX;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.PointerPointer;

/** Reads container, streams and tags through FFmpeg, naming codecs as ffprobe does ("amr_nb", "hevc"). */
final class FfmpegFacts {

	/** Decimal degrees and metres as Apple and FFmpeg write them: "+34.7466+113.6253+100.000/". */
	private static final Pattern ISO_6709 = Pattern
		.compile("^([+-]\\d{1,2}(?:\\.\\d+)?)([+-]\\d{1,3}(?:\\.\\d+)?)([+-]\\d+(?:\\.\\d+)?)?");

	private static final double MAX_FRAME_RATE = 1_000;

	private FfmpegFacts() {
	}

	/** The problem in the facts says what went wrong; FFmpeg's console lines would only flood imports. */
	static void quietLogging() {
		avutil.av_log_set_level(avutil.AV_LOG_QUIET);
	}

	/**
	 * Fills what FFmpeg reads; false when FFmpeg cannot open the file, finds neither sound nor picture,
	 * or cannot decode the first frame of them, with its reason in {@code problemDetail}.
	 */
	static boolean read(Path file, long size, FactsBuilder facts) {
		quietLogging();
		AVFormatContext context = new AVFormatContext(null);
		AVDictionary options = new AVDictionary(null);
		// the mov demuxer keeps a movie's XMP packet only when asked
		av_dict_set(options, "export_xmp", "1", 0);
		int ret = avformat_open_input(context, file.toAbsolutePath().toString(), null, options);
		av_dict_free(options);
		if (ret < 0) {
			facts.problemDetail = FfmpegDecoding.text(ret);
			return false;
		}
		try {
			ret = avformat_find_stream_info(context, (PointerPointer<?>) null);
			if (ret < 0) {
				facts.problemDetail = FfmpegDecoding.text(ret);
				return false;
			}
			facts.format = context.iformat().name().getString();
			long duration = context.duration();
			if (duration != avutil.AV_NOPTS_VALUE && duration > 0) {
				facts.durationMillis = Math.round(duration / 1000.0);
			}
			AVStream[] chosen = readStreams(context, facts);
			facts.streamsDurationMillis = streamsDuration(context, size, chosen);
			readTags(tags(context.metadata()), facts);
			if (chosen[0] == null && chosen[1] == null) {
				facts.problemDetail = "no audio or video stream";
				return false;
			}
			FfmpegDecoding.Result decoded = FfmpegDecoding.firstFrames(context,
					chosen[0] != null && isAttachedPicture(chosen[0]) ? null : chosen[0], chosen[1]);
			if (decoded.firstVideoPacket() != null && "dvvideo".equals(facts.videoCodec)) {
				facts.created(DvPacks.recordingTime(decoded.firstVideoPacket()));
			}
			facts.problemDetail = decoded.failure();
			return decoded.failure() == null;
		}
		catch (RuntimeException ex) {
			facts.problemDetail = ex.getMessage();
			return false;
		}
		finally {
			avformat_close_input(context);
		}
	}

	/** The longest of the picture's and sound's own durations; else the bytes at the stated bit rate. */
	private static Long streamsDuration(AVFormatContext context, long size, AVStream[] chosen) {
		double longest = 0;
		for (AVStream stream : chosen) {
			if (stream != null && !isAttachedPicture(stream) && stream.duration() != avutil.AV_NOPTS_VALUE
					&& stream.duration() > 0) {
				longest = Math.max(longest, stream.duration() * rate(stream.time_base()));
			}
		}
		if (longest > 0) {
			return Math.round(longest * 1000);
		}
		long bitRate = context.bit_rate();
		return bitRate > 0 && size > 0 ? Math.round(size * 8_000.0 / bitRate) : null;
	}

	static Map<String, String> tags(AVDictionary dictionary) {
		Map<String, String> tags = new HashMap<>();
		AVDictionaryEntry entry = null;
		while ((entry = av_dict_get(dictionary, "", entry, AV_DICT_IGNORE_SUFFIX)) != null) {
			tags.putIfAbsent(entry.key().getString(), entry.value().getString(StandardCharsets.UTF_8));
		}
		return tags;
	}

	/** The picture stream (real video before cover art) and the sound stream FFmpeg's facts are read from. */
	private static AVStream[] readStreams(AVFormatContext context, FactsBuilder facts) {
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
				// FFmpeg averages a clip of one frame (a raw DV frame) into rates no camera records at
				double rate = rate(video.avg_frame_rate());
				facts.frameRate = rate > 0 && rate <= MAX_FRAME_RATE ? rate : positive(rate(video.r_frame_rate()));
			}
		}
		if (audio != null) {
			facts.audioCodec = avcodec.avcodec_get_name(audio.codecpar().codec_id()).getString();
			facts.audioChannels = positive(audio.codecpar().ch_layout().nb_channels());
			facts.audioSampleRate = positive(audio.codecpar().sample_rate());
		}
		return new AVStream[] { video, audio };
	}

	static boolean isAttachedPicture(AVStream stream) {
		return (stream.disposition() & avformat.AV_DISPOSITION_ATTACHED_PIC) != 0;
	}

	private static void readTags(Map<String, String> tags, FactsBuilder facts) {
		String format = facts.format;
		// each claim is collected; FactsBuilder orders them by how far each is to be trusted
		facts.created(StatedTime.of(tags.get("com.apple.quicktime.creationdate"), "Keys:CreationDate"));
		if (format.startsWith("mov")) {
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
			// FFmpeg joins ID3v2.3's TYER, TDAT and TIME into one date as ID3v2.4's TDRC holds it
			String date = tags.get("date");
			boolean year = date != null && date.trim().length() == 4;
			facts.created(StatedTime.of(date, year ? "ID3:Year" : "ID3:RecordingTime"));
		}
		else {
			facts.created(StatedTime.of(tags.get("creation_time"), "creation_time"));
		}
		Xmp xmp = Xmp.parse(tags.get("xmp"));
		xmp.times().forEach(facts::created);
		facts.make = first(tags, "com.apple.quicktime.make", "make", "com.android.manufacturer");
		facts.model = first(tags, "com.apple.quicktime.model", "model", "com.android.model");
		Makers.fillFromFirmware(tags.get("firmware"), facts);
		if (facts.make == null) {
			facts.make = xmp.make();
		}
		if (facts.model == null) {
			facts.model = xmp.model();
		}
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
