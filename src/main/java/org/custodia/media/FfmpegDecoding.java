package org.custodia.media;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Decodes the first frame of a file's picture and of its sound: a header FFmpeg can open says nothing
 * of whether the recording behind it plays. Reads only as far as those first frames, so a large file
 * costs no more than a small one.
 */
final class FfmpegDecoding {

	/** Far more than any camera interleaves before both streams have started; bounds a file whose streams never do. */
	private static final int MAX_PACKETS = 3_000;

	/** The first frame of a stream, as its decoder gave it back; {@code failure} when it gave none. */
	record Result(String failure, byte[] firstVideoPacket) {
	}

	private FfmpegDecoding() {
	}

	/** Null failure when every given stream decoded a frame; else FFmpeg's reason for the first that did not. */
	static Result firstFrames(AVFormatContext context, AVStream... streams) {
		List<Decoder> decoders = new ArrayList<>();
		AVPacket packet = av_packet_alloc();
		AVFrame frame = av_frame_alloc();
		byte[] firstVideo = null;
		try {
			for (AVStream stream : streams) {
				if (stream != null) {
					Decoder decoder = Decoder.open(stream);
					if (decoder.failure != null) {
						return new Result(decoder.failure, null);
					}
					decoders.add(decoder);
				}
			}
			int read = 0;
			while (decoders.stream().anyMatch(Decoder::waiting) && read++ < MAX_PACKETS) {
				int ret = av_read_frame(context, packet);
				if (ret < 0) {
					if (ret != AVERROR_EOF) {
						decoders.stream().filter(Decoder::waiting).forEach(d -> d.error = text(ret));
					}
					decoders.forEach(d -> d.flush(frame));
					break;
				}
				for (Decoder decoder : decoders) {
					if (decoder.stream.index() == packet.stream_index() && decoder.waiting()) {
						if (firstVideo == null && decoder.video && packet.size() > 0) {
							firstVideo = new byte[packet.size()];
							packet.data().get(firstVideo);
						}
						decoder.decode(packet, frame);
					}
				}
				av_packet_unref(packet);
			}
			for (Decoder decoder : decoders) {
				String failure = decoder.failure();
				if (failure != null) {
					return new Result(failure, firstVideo);
				}
			}
			return new Result(null, firstVideo);
		}
		finally {
			decoders.forEach(Decoder::close);
			av_packet_free(packet);
			av_frame_free(frame);
		}
	}

	static String text(int error) {
		byte[] buffer = new byte[256];
		av_strerror(error, buffer, buffer.length);
		int end = 0;
		while (end < buffer.length && buffer[end] != 0) {
			end++;
		}
		return new String(buffer, 0, end, java.nio.charset.StandardCharsets.UTF_8);
	}

	private static final class Decoder {

		final AVStream stream;

		final boolean video;

		AVCodecContext context;

		String failure;

		String error;

		int packets;

		boolean decoded;

		boolean ended;

		private Decoder(AVStream stream) {
			this.stream = stream;
			this.video = stream.codecpar().codec_type() == org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
		}

		static Decoder open(AVStream stream) {
			Decoder decoder = new Decoder(stream);
			int codecId = stream.codecpar().codec_id();
			AVCodec codec = avcodec_find_decoder(codecId);
			if (codec == null) {
				decoder.failure = "no decoder for " + avcodec_get_name(codecId).getString();
				return decoder;
			}
			decoder.context = avcodec_alloc_context3(codec);
			int ret = avcodec_parameters_to_context(decoder.context, stream.codecpar());
			if (ret >= 0) {
				ret = avcodec_open2(decoder.context, codec, (PointerPointer<?>) null);
			}
			if (ret < 0) {
				decoder.failure = text(ret);
			}
			return decoder;
		}

		boolean waiting() {
			return !decoded && !ended;
		}

		void decode(AVPacket packet, AVFrame frame) {
			packets++;
			int ret = avcodec_send_packet(context, packet);
			if (ret < 0 && ret != AVERROR_EAGAIN()) {
				error = text(ret);
				return;
			}
			receive(frame);
		}

		void flush(AVFrame frame) {
			if (waiting() && packets > 0) {
				avcodec_send_packet(context, null);
				receive(frame);
			}
			ended = true;
		}

		private void receive(AVFrame frame) {
			int ret = avcodec_receive_frame(context, frame);
			if (ret >= 0) {
				decoded = true;
			}
			else if (ret != AVERROR_EAGAIN() && ret != AVERROR_EOF) {
				error = text(ret);
			}
		}

		/**
		 * A stream not reached within the packets read is not judged, nor one that holds no packet at all
		 * (ffmpeg itself decodes such a file without error: there is nothing in it to fail); one whose
		 * packets gave an error or no frame is.
		 */
		String failure() {
			if (decoded || error == null && (!ended || packets == 0)) {
				return null;
			}
			return error != null ? error : "no frame decoded from " + packets + " packets";
		}

		void close() {
			if (context != null) {
				avcodec_free_context(context);
			}
		}
	}
}
