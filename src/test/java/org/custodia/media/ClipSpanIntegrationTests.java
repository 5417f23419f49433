package org.custodia.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.assertj.core.data.Offset;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.custodia.ledger.Ledger;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.Role;
import org.custodia.shared.TestActor;
import org.custodia.storage.BlobStore;
import org.custodia.storage.StoredBlob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;

/**
 * Clips start and end where they were asked to, and say so: checked on a video made here whose every picture is
 * one grey level, its frame number, with a key frame every two seconds.
 */
@CustodiaIntegrationTest
class ClipSpanIntegrationTests {

	static final String AGENCY = "clip-span-tests";

	static final int RATE = 10;

	static final int FRAMES = 40;

	final Actor custodian = new TestActor(UUID.randomUUID(), "clip-custodian", Optional.of(AGENCY), Set.of(Role.CUSTODIAN));

	@Autowired
	DerivedCopies copies;

	@Autowired
	BlobStore store;

	@Autowired
	Ledger ledger;

	@Autowired
	MessageSource messages;

	@TempDir
	Path dir;

	@Test
	void aClipStartingBetweenKeyFramesStartsAtTheFrameAskedFor() throws Exception {
		OriginalRef original = counterVideo();
		long keyFrame = keyFrameMillis(original).get(1);
		long from = keyFrame + 350;
		long to = from + 1500;
		DerivedCopy requested = copies.requestClip(custodian, original, from, to, FRAMES * 1000L / RATE);
		copies.workPending();

		DerivedCopy clip = copies.byId(requested.id()).orElseThrow();
		assertThat(clip.state()).as(clip.problem()).isEqualTo(DerivedCopy.State.READY);
		assertThat(clip.actualFromMillis()).isEqualTo(from);
		assertThat(clip.actualToMillis()).isEqualTo(to);
		try (FFmpegFrameGrabber grabber = grabber(clip.storeKey())) {
			assertThat(grabber.getVideoCodecName()).as("re-encoded from the key frame before").isEqualTo("h264");
			assertThat(grabber.getLengthInTime() / 1000.0).isCloseTo(to - from, Offset.offset(1000.0 / RATE));
			// what the clip shows first is what the original shows at the stated start, not its key frame 350 ms before
			long shown = frameNumber(original, grabber.grabImage().clone()) * 1000L / RATE;
			assertThat(shown).as("the first picture is the original's at the stated start")
				.isCloseTo(clip.actualFromMillis(), Offset.offset(1000L / RATE));
		}
		assertThat(madeEntry(clip)).contains("\"fromMillis\":" + from, "\"toMillis\":" + to,
				"\"actualFromMillis\":" + from, "\"actualToMillis\":" + to);
	}

	@Test
	void aClipStartingOnAKeyFrameCopiesTheOriginalsOwnPackets() throws Exception {
		OriginalRef original = counterVideo();
		long keyFrame = keyFrameMillis(original).get(1);
		DerivedCopy requested = copies.requestClip(custodian, original, keyFrame, keyFrame + 1000, null);
		copies.workPending();

		DerivedCopy clip = copies.byId(requested.id()).orElseThrow();
		assertThat(clip.state()).as(clip.problem()).isEqualTo(DerivedCopy.State.READY);
		assertThat(clip.actualFromMillis()).isEqualTo(keyFrame);
		assertThat(clip.actualToMillis()).isEqualTo(keyFrame + 1000);
		try (FFmpegFrameGrabber grabber = grabber(clip.storeKey())) {
			assertThat(grabber.getVideoCodecName()).as("the original's packets").isEqualTo("mpeg4");
			assertThat(grabber.getLengthInTime() / 1000.0).isCloseTo(1000.0, Offset.offset(1000.0 / RATE));
			assertThat(frameNumber(original, grabber.grabImage().clone())).isEqualTo(keyFrame * RATE / 1000);
		}
		assertThat(madeEntry(clip)).contains("\"actualFromMillis\":" + keyFrame, "\"actualToMillis\":" + (keyFrame + 1000));
	}

	@Test
	void refusesABackwardSpanAndOneOutsideTheRecordingInSeconds() throws Exception {
		OriginalRef original = counterVideo();
		assertThatThrownBy(() -> copies.requestClip(custodian, original, 12_000, 5000, 6000L))
			.isInstanceOfSatisfying(CustodiaException.class, e -> {
				assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat(e.citation()).contains("a clip lies within its recording");
				assertThat(messages.getMessage(e.messageKey(), e.arguments(), Locale.SIMPLIFIED_CHINESE))
					.isEqualTo("结束时间 5.0 秒须晚于开始时间 12.0 秒。");
				assertThat(messages.getMessage(e.messageKey(), e.arguments(), Locale.ENGLISH))
					.isEqualTo("The end time 5.0 s must come after the start time 12.0 s.");
			});
		assertThatThrownBy(() -> copies.requestClip(custodian, original, 2000, 9500, 4000L))
			.isInstanceOfSatisfying(CustodiaException.class, e -> {
				assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat(messages.getMessage(e.messageKey(), e.arguments(), Locale.SIMPLIFIED_CHINESE))
					.contains("9.5 秒", "4.0 秒");
			});
		assertThatThrownBy(() -> copies.requestClip(custodian, original, 5000, 8000, 4000L))
			.isInstanceOfSatisfying(CustodiaException.class,
					e -> assertThat(e.messageKey()).isEqualTo("error.clip-after-end"));
		assertThat(copies.of(original.recordingId())).as("nothing asked for is made").isEmpty();
	}

	/** MPEG-4 Part 2 in an MP4, 10 pictures a second, a key frame every 2 s; picture n is grey level 20 + 5n. */
	private OriginalRef counterVideo() throws Exception {
		Path file = dir.resolve("counter.mp4");
		try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 64, 48, 0)) {
			recorder.setFormat("mp4");
			recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
			recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
			recorder.setFrameRate(RATE);
			recorder.setGopSize(2 * RATE);
			recorder.setMaxBFrames(0);
			recorder.setVideoQuality(2);
			// every picture is another grey: without this the encoder takes each for a new scene and makes it a key frame
			recorder.setVideoOption("sc_threshold", "1000000000");
			recorder.start();
			for (int n = 0; n < FRAMES; n++) {
				Frame frame = new Frame(64, 48, Frame.DEPTH_UBYTE, 3);
				ByteBuffer pixels = (ByteBuffer) frame.image[0];
				for (int i = 0; i < pixels.capacity(); i++) {
					pixels.put(i, (byte) (20 + 5 * n));
				}
				recorder.record(frame, avutil.AV_PIX_FMT_BGR24);
			}
			recorder.stop();
		}
		StoredBlob blob;
		try (InputStream in = Files.newInputStream(file)) {
			blob = store.put(AGENCY, LocalDate.of(2026, 12, 8), "counter.mp4", in);
		}
		return new OriginalRef(UUID.randomUUID(), AGENCY, blob.key(), blob.sha256(), "video/mp4",
				"mov,mp4,m4a,3gp,3g2,mj2", "mpeg4", null);
	}

	/** Where the original's key frames are, as FFmpeg reads its packets. */
	private List<Long> keyFrameMillis(OriginalRef original) throws Exception {
		List<Long> keys = new ArrayList<>();
		try (FFmpegFrameGrabber grabber = grabber(original.storeKey())) {
			for (AVPacket packet = grabber.grabPacket(); packet != null; packet = grabber.grabPacket()) {
				if ((packet.flags() & avcodec.AV_PKT_FLAG_KEY) != 0) {
					keys.add(avutil.av_rescale_q(packet.pts(), grabber.getFormatContext().streams(packet.stream_index())
						.time_base(), avutil.av_make_q(1, 1000)));
				}
			}
		}
		assertThat(keys).as("a key frame every two seconds").startsWith(0L, 2000L);
		return keys;
	}

	/** The frame number a picture shows: the original's picture of the nearest grey, as FFmpeg decodes both. */
	private long frameNumber(OriginalRef original, Frame frame) throws Exception {
		double grey = grey(frame);
		List<Double> greys = new ArrayList<>();
		try (FFmpegFrameGrabber grabber = grabber(original.storeKey())) {
			for (Frame picture = grabber.grabImage(); picture != null; picture = grabber.grabImage()) {
				greys.add(grey(picture));
			}
		}
		int nearest = 0;
		for (int n = 1; n < greys.size(); n++) {
			if (Math.abs(greys.get(n) - grey) < Math.abs(greys.get(nearest) - grey)) {
				nearest = n;
			}
		}
		return nearest;
	}

	private static double grey(Frame frame) {
		ByteBuffer pixels = (ByteBuffer) frame.image[0];
		long sum = 0;
		int count = 0;
		for (int y = 8; y < frame.imageHeight - 8; y++) {
			for (int x = 8; x < frame.imageWidth - 8; x++) {
				sum += pixels.get(y * frame.imageStride + x * frame.imageChannels) & 0xff;
				count++;
			}
		}
		return sum / (double) count;
	}

	private FFmpegFrameGrabber grabber(String key) throws Exception {
		FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(store.localFile(key).orElseThrow().toString());
		grabber.start();
		return grabber;
	}

	private String madeEntry(DerivedCopy clip) {
		return ledger.entries(0, 100_000, AGENCY).stream()
			.filter(entry -> entry.action().equals("media.derived-made") && entry.subjectId().equals(clip.id().toString()))
			.findFirst()
			.orElseThrow()
			.payloadJson();
	}
}
