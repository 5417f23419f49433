package org.custodia.media;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;

/**
 * Cuts a span out of an original by copying its packets into the same kind of container: nothing is
 * decoded or re-encoded, so the clip holds the original's own pictures and sound. A copy can only start
 * on a key frame, so packets are copied only when a key frame starts the span (within one frame); a span
 * starting between key frames is re-encoded instead, so that the clip starts where it was asked to.
 */
final class PacketClip {

	/** Muxer, extension and content type by FFmpeg's input-format name. */
	private static final Map<String, String[]> CONTAINERS = Map.of("avi",
			new String[] { "avi", "avi", "video/x-msvideo" }, "mp3", new String[] { "mp3", "mp3", "audio/mpeg" }, "wav",
			new String[] { "wav", "wav", "audio/wav" }, "amr", new String[] { "amr", "amr", "audio/amr" }, "mpegts",
			new String[] { "mpegts", "ts", "video/mp2t" }, "flac", new String[] { "flac", "flac", "audio/flac" }, "ogg",
			new String[] { "ogg", "ogg", "audio/ogg" }, "matroska,webm",
			new String[] { "matroska", "mkv", "video/x-matroska" });

	private static final AVRational MICROS = avutil.av_make_q(1, 1_000_000);

	private PacketClip() {
	}

	/** The clip, or empty when its packets cannot be copied (the caller re-encodes then). */
	static Optional<Transcoder.Made> cut(Path original, Path workDir, Transcoder.Span span) {
		FFmpegFrameGrabber grabber = Grabbers.open(original);
		try {
			AVFormatContext context = grabber.getFormatContext();
			String[] container = container(context.iformat().name().getString(), grabber.getMetadata("major_brand"));
			if (container == null) {
				return Optional.empty();
			}
			long end = Grabbers.endMicros(grabber);
			if (end >= 0 && span.from() >= end) {
				throw new MakingFailedException("starts-after-end", "the span starts at " + span.from() / 1000
						+ " ms, the original ends at " + end / 1000 + " ms");
			}
			int[] streams = streams(context);
			if (streams == null || span.from() > 0
					&& avformat.av_seek_frame(context, -1, span.from(), avformat.AVSEEK_FLAG_BACKWARD) < 0) {
				return Optional.empty();
			}
			Path file = workDir.resolve("clip." + container[1]);
			long[] cut;
			try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), streams[0] < 0 ? 0 : grabber.getImageWidth(),
					streams[0] < 0 ? 0 : grabber.getImageHeight(), streams[1] < 0 ? 0 : grabber.getAudioChannels())) {
				recorder.setFormat(container[0]);
				if (container[0].equals("mp4") || container[0].equals("mov") || container[0].equals("ipod")) {
					recorder.setOption("movflags", "+faststart");
				}
				recorder.start(context);
				cut = copy(grabber, recorder, streams, span, tolerance(grabber, streams));
				recorder.stop();
			}
			return cut[0] < 0 ? Optional.empty()
					: Optional.of(new Transcoder.Made(file, container[2], cut[0] / 1000, Math.min(span.to(), cut[1]) / 1000));
		}
		catch (FrameGrabber.Exception | FrameRecorder.Exception | RuntimeException e) {
			if (e instanceof MakingFailedException failed) {
				throw failed;
			}
			return Optional.empty();
		}
		finally {
			Grabbers.close(grabber);
		}
	}

	/** How far before the span a key frame may start the clip: one picture, or a tenth of a second of sound. */
	private static long tolerance(FFmpegFrameGrabber grabber, int[] streams) {
		double rate = grabber.getFrameRate();
		return streams[0] >= 0 && rate > 0 ? (long) Math.ceil(1_000_000 / rate) : 100_000;
	}

	/**
	 * Copies packets; returns where the clip starts and ends in the original (microseconds), the start -1 when
	 * nothing was copied or no key frame starts the span within {@code tolerance}.
	 */
	private static long[] copy(FFmpegFrameGrabber grabber, FFmpegFrameRecorder recorder, int[] streams,
			Transcoder.Span span, long tolerance) throws FrameGrabber.Exception, FrameRecorder.Exception {
		AVFormatContext context = grabber.getFormatContext();
		int leader = streams[0] >= 0 ? streams[0] : streams[1];
		long start = -1;
		long end = -1;
		for (AVPacket packet = grabber.grabPacket(); packet != null; packet = grabber.grabPacket()) {
			int index = packet.stream_index();
			if (index != streams[0] && index != streams[1]) {
				continue;
			}
			AVRational base = context.streams(index).time_base();
			long pts = packet.pts() != avutil.AV_NOPTS_VALUE ? packet.pts() : packet.dts();
			long at = avutil.av_rescale_q(pts, base, MICROS);
			if (start < 0) {
				if (index != leader || (packet.flags() & avcodec.AV_PKT_FLAG_KEY) == 0) {
					continue;
				}
				if (at < span.from() - tolerance) {
					return new long[] { -1, -1 };
				}
				start = at;
			}
			if (at < start) {
				continue;
			}
			if (at >= span.to()) {
				if (index == leader) {
					break;
				}
				continue;
			}
			// the clip's clock starts at its first picture, as a player expects
			long shift = avutil.av_rescale_q(start, MICROS, base);
			if (packet.pts() != avutil.AV_NOPTS_VALUE) {
				packet.pts(packet.pts() - shift);
			}
			if (packet.dts() != avutil.AV_NOPTS_VALUE) {
				packet.dts(packet.dts() - shift);
			}
			if (index == leader) {
				end = Math.max(end, at + avutil.av_rescale_q(packet.duration(), base, MICROS));
			}
			recorder.recordPacket(packet);
		}
		return new long[] { start, end };
	}

	/**
	 * The one picture and the one sound stream to copy. The recorder maps streams by type alone, so
	 * originals with several of a kind, or with cover art, are re-encoded instead.
	 */
	private static int[] streams(AVFormatContext context) {
		int[] streams = { -1, -1 };
		for (int i = 0; i < context.nb_streams(); i++) {
			AVStream stream = context.streams(i);
			int type = stream.codecpar().codec_type();
			int slot = type == avutil.AVMEDIA_TYPE_VIDEO ? 0 : type == avutil.AVMEDIA_TYPE_AUDIO ? 1 : -1;
			if (slot >= 0 && (streams[slot] >= 0 || (stream.disposition() & avformat.AV_DISPOSITION_ATTACHED_PIC) != 0)) {
				return null;
			}
			if (slot >= 0) {
				streams[slot] = i;
			}
		}
		return streams[0] < 0 && streams[1] < 0 ? null : streams;
	}

	/**
	 * The MOV family keeps the original's kind, as its brand (its first bytes) says, not its name: an MOV
	 * stays an MOV, a 3GP a 3GP, an MP4 named {@code .avi} an MP4.
	 */
	static String[] container(String format, String brand) {
		if (format.equals("mov,mp4,m4a,3gp,3g2,mj2")) {
			String kind = brand == null ? "" : brand.strip().toLowerCase(Locale.ROOT);
			if (kind.equals("qt")) {
				return new String[] { "mov", "mov", "video/quicktime" };
			}
			if (kind.startsWith("3g2")) {
				return new String[] { "3g2", "3g2", "video/3gpp2" };
			}
			if (kind.startsWith("3g")) {
				return new String[] { "3gp", "3gp", "video/3gpp" };
			}
			return kind.equals("m4a") ? new String[] { "ipod", "m4a", "audio/mp4" } : new String[] { "mp4", "mp4", "video/mp4" };
		}
		return CONTAINERS.get(format);
	}
}
