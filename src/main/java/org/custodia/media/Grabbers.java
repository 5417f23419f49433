package org.custodia.media;

import java.nio.file.Path;

import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/** Opens originals for reading with FFmpeg; an original FFmpeg cannot open is a problem of the copy, not an error. */
final class Grabbers {

	private Grabbers() {
	}

	static FFmpegFrameGrabber open(Path original) {
		// the problem stored with the copy says what went wrong; FFmpeg's console lines would only flood the log
		avutil.av_log_set_level(avutil.AV_LOG_QUIET);
		FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(original.toAbsolutePath().toString());
		try {
			grabber.start();
			return grabber;
		}
		catch (FrameGrabber.Exception | RuntimeException e) {
			close(grabber);
			throw new MakingFailedException("undecodable", String.valueOf(e.getMessage()), e);
		}
	}

	static void close(FFmpegFrameGrabber grabber) {
		try {
			grabber.close();
		}
		catch (FrameGrabber.Exception | RuntimeException e) {
			// nothing was written through a grabber: there is nothing to lose
		}
	}

	/** A moving picture, not the cover art of an audio file or a photo. */
	static boolean hasMovingPicture(FFmpegFrameGrabber grabber) {
		AVFormatContext context = grabber.getFormatContext();
		String format = context.iformat().name().getString();
		if (format.equals("image2") || format.endsWith("_pipe")) {
			return false;
		}
		for (int i = 0; i < context.nb_streams(); i++) {
			AVStream stream = context.streams(i);
			if (stream.codecpar().codec_type() == avutil.AVMEDIA_TYPE_VIDEO
					&& (stream.disposition() & avformat.AV_DISPOSITION_ATTACHED_PIC) == 0) {
				return true;
			}
		}
		return false;
	}

	/** The end of the original in microseconds, or -1 when the container does not say. */
	static long endMicros(FFmpegFrameGrabber grabber) {
		AVFormatContext context = grabber.getFormatContext();
		long duration = context.duration();
		if (duration == avutil.AV_NOPTS_VALUE || duration <= 0) {
			return -1;
		}
		long start = context.start_time();
		return duration + (start == avutil.AV_NOPTS_VALUE ? 0 : Math.max(0, start));
	}
}
