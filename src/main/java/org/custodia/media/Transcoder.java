package org.custodia.media;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Re-encodes an original, or a span of it, for the browser: H.264 and AAC in an MP4 that starts
 * playing before it is loaded (faststart), at most 1280 px wide at the original's frame rate, or AAC
 * alone in an M4A for sound recordings; optionally with something painted on every picture.
 */
final class Transcoder {

	static final int MAX_WIDTH = 1280;

	/** A span of the original in microseconds; {@code to} is exclusive. */
	record Span(long from, long to) {

		static final Span WHOLE = new Span(0, Long.MAX_VALUE);
	}

	/** The file made, what it is, and where in the original it starts and (for a span) ends; null when not a span. */
	record Made(Path file, String contentType, long actualFromMillis, Long actualToMillis) {

		Made(Path file, String contentType, long actualFromMillis) {
			this(file, contentType, actualFromMillis, null);
		}
	}

	private Transcoder() {
	}

	static Made encode(Path original, Path workDir, Span span, Consumer<BufferedImage> painter) {
		FFmpegFrameGrabber grabber = Grabbers.open(original);
		try {
			boolean video = Grabbers.hasMovingPicture(grabber);
			boolean audio = grabber.getAudioChannels() > 0;
			if (!video && !audio) {
				throw new MakingFailedException("no-streams", "FFmpeg finds neither picture nor sound");
			}
			long end = Grabbers.endMicros(grabber);
			if (span.from() > 0 && end >= 0 && span.from() >= end) {
				throw new MakingFailedException("starts-after-end", "the span starts at " + span.from() / 1000
						+ " ms, the original ends at " + end / 1000 + " ms");
			}
			Encoders.Target target = Encoders.BROWSER;
			Path file = workDir.resolve((video ? "copy." : "sound.") + (video ? target.extension() : audioExtension(target)));
			if (span.from() > 0) {
				grabber.setTimestamp(span.from());
			}
			long reached;
			try (FFmpegFrameRecorder recorder = recorder(file, grabber, video, audio, target)) {
				recorder.start();
				reached = copy(grabber, recorder, video, span, painter);
				recorder.stop();
				checkCovered(span, end, reached);
			}
			return new Made(file, video ? target.videoType() : target.audioType(), span.from() / 1000,
					actualTo(span, end, reached));
		}
		catch (FrameGrabber.Exception | FrameRecorder.Exception e) {
			throw new MakingFailedException("encoding-failed", String.valueOf(e.getMessage()), e);
		}
		finally {
			Grabbers.close(grabber);
		}
	}

	/** Copies frames; returns how far into the original it got, in microseconds, or -1 when nothing decoded. */
	private static long copy(FFmpegFrameGrabber grabber, FFmpegFrameRecorder recorder, boolean video, Span span,
			Consumer<BufferedImage> painter) throws FrameGrabber.Exception, FrameRecorder.Exception {
		Java2DFrameConverter converter = painter == null ? null : new Java2DFrameConverter();
		long reached = -1;
		for (Frame frame = grabber.grab(); frame != null; frame = grabber.grab()) {
			boolean picture = frame.image != null && video;
			boolean sound = frame.samples != null && recorder.getAudioChannels() > 0;
			if (!picture && !sound || frame.timestamp < span.from()) {
				continue;
			}
			if (frame.timestamp >= span.to()) {
				if (picture || !video) {
					break;
				}
				continue;
			}
			long timestamp = frame.timestamp;
			if (picture) {
				long at = timestamp - span.from();
				if (at > recorder.getTimestamp()) {
					// keeps pictures in step with the sound where the original skipped or repeated frames
					recorder.setTimestamp(at);
				}
				if (painter != null) {
					BufferedImage image = converter.convert(frame);
					painter.accept(image);
					frame = converter.convert(image);
				}
			}
			recorder.record(frame);
			reached = Math.max(reached, timestamp);
		}
		return reached;
	}

	/** Where a span's copy ends in the original (ms): where asked, or the original's end when it ends before. */
	private static Long actualTo(Span span, long end, long reached) {
		if (span.to() == Long.MAX_VALUE) {
			return null;
		}
		return Math.min(span.to(), end >= 0 ? end : reached) / 1000;
	}

	/**
	 * A truncated original decodes up to where its data stops and then looks finished: a copy that
	 * silently ends early would show less than the original holds, so it fails instead.
	 */
	private static void checkCovered(Span span, long end, long reached) {
		if (reached < 0) {
			throw new MakingFailedException("nothing-decoded", "FFmpeg decoded no picture and no sound");
		}
		long expected = Math.min(span.to(), end);
		if (end >= 0 && reached < expected - Math.max(1_000_000, (expected - span.from()) / 10)) {
			throw new MakingFailedException("truncated", "decoding stopped at " + reached / 1000
					+ " ms of " + expected / 1000 + " ms");
		}
	}

	private static FFmpegFrameRecorder recorder(Path file, FFmpegFrameGrabber grabber, boolean video, boolean audio,
			Encoders.Target target) {
		int channels = audio ? Math.min(2, grabber.getAudioChannels()) : 0;
		FFmpegFrameRecorder recorder;
		if (video) {
			double display = grabber.getImageWidth() * (grabber.getAspectRatio() > 0 ? grabber.getAspectRatio() : 1);
			int width = even(Math.min(MAX_WIDTH, display));
			int height = even(grabber.getImageHeight() * width / display);
			recorder = new FFmpegFrameRecorder(file.toFile(), width, height, channels);
			double rate = grabber.getFrameRate() > 0 && grabber.getFrameRate() <= 240 ? grabber.getFrameRate() : 25;
			recorder.setVideoCodecName(target.videoCodec());
			recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
			recorder.setFrameRate(rate);
			recorder.setGopSize((int) Math.max(1, Math.round(rate * 2)));
			// about 0.15 bit a pixel: plain to watch, a fraction of a body camera's own rate
			recorder.setVideoBitrate((int) Math.max(400_000, Math.min(5_000_000, width * height * rate * 0.15)));
			// A phone held upright stores its picture sideways with a rotation to show it by: the copy keeps
			// the pictures as stored and the same rotation, so that players turn it the same way.
			recorder.setDisplayRotation(grabber.getDisplayRotation());
		}
		else {
			recorder = new FFmpegFrameRecorder(file.toFile(), channels);
		}
		recorder.setFormat(target.format());
		if (target.isMp4()) {
			recorder.setOption("movflags", "+faststart");
		}
		if (channels > 0) {
			recorder.setAudioCodecName(target.audioCodec());
			int rate = grabber.getSampleRate();
			recorder.setSampleRate(target.isMp4() ? Math.max(8000, Math.min(48_000, rate)) : 48_000);
			recorder.setAudioBitrate(Math.min(192_000, channels * (rate <= 16_000 ? 32_000 : 64_000)));
		}
		return recorder;
	}

	private static String audioExtension(Encoders.Target target) {
		return target.isMp4() ? "m4a" : "webm";
	}

	private static int even(double size) {
		return Math.max(2, (int) Math.round(size / 2) * 2);
	}
}
