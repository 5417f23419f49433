package org.custodia.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.custodia.TestMedia;
import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEntry;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.CustodiaProperties;
import org.custodia.shared.Role;
import org.custodia.shared.TestActor;
import org.custodia.storage.BlobStore;
import org.custodia.storage.StoredBlob;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Proxies, clips, watermarked copies and stills made from real media in the store, each a new blob with its ledger entry. */
@CustodiaIntegrationTest
class DerivedCopiesIntegrationTests {

	static final Path MEDIA = TestMedia.FOLDER;

	static final String MOV = "mov,mp4,m4a,3gp,3g2,mj2";

	/** An agency no other test fills, so that these originals and copies meet nobody else's. */
	static final String AGENCY = "media-tests";

	final Actor custodian = new TestActor(UUID.randomUUID(), "media-custodian", Optional.of(AGENCY), Set.of(Role.CUSTODIAN));

	@Autowired
	DerivedCopies copies;

	@Autowired
	DerivedCopyWork work;

	@Autowired
	DerivedCopyRepository repository;

	@Autowired
	BlobStore store;

	@Autowired
	Ledger ledger;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CustodiaProperties properties;

	@Autowired
	MessageSource messages;

	@Test
	void makesAnH264ProxyOfAnHevcOriginalAndLeavesTheOriginalAsItWas() throws Exception {
		OriginalRef original = stored("foreman-hevc-384.mp4", "video/mp4", MOV, "hevc", null);
		DerivedCopy requested = copies.proxyFor(custodian, original).orElseThrow();
		assertThat(requested.state()).isEqualTo(DerivedCopy.State.PENDING);
		assertThat(copies.proxyFor(custodian, original)).as("asked again, the same proxy").contains(requested);

		long started = System.nanoTime();
		assertThat(copies.workPending()).isPositive();
		System.out.printf("HEVC proxy of foreman-hevc-384.mp4 made in %d ms%n", (System.nanoTime() - started) / 1_000_000);

		DerivedCopy proxy = copies.byId(requested.id()).orElseThrow();
		assertThat(proxy.state()).isEqualTo(DerivedCopy.State.READY);
		assertThat(proxy.contentType()).isEqualTo("video/mp4");
		assertThat(sha256(proxy.storeKey())).isEqualTo(proxy.sha256()).isNotEqualTo(original.sha256());
		assertThat(store.size(proxy.storeKey())).isEqualTo(proxy.size());
		try (FFmpegFrameGrabber grabber = grabber(proxy.storeKey()); FFmpegFrameGrabber source = grabber(original.storeKey())) {
			assertThat(grabber.getVideoCodecName()).isEqualTo("h264");
			assertThat(grabber.getImageWidth()).isLessThanOrEqualTo(1280);
			assertThat(Math.abs(grabber.getLengthInTime() - source.getLengthInTime())).isLessThan(200_000);
		}
		assertThat(sha256(original.storeKey())).as("the original is untouched").isEqualTo(original.sha256());
		assertThat(entry("media.derived-made", proxy.id()).payloadJson()).contains(proxy.sha256(), original.sha256(),
				original.recordingId().toString());
		assertThat(entry("media.proxy-requested", proxy.id()).actor()).isEqualTo("media-custodian");
		assertThat(copies.of(original.recordingId())).containsExactly(proxy);
	}

	@Test
	void makesAnAacProxyOfAmrPhoneSound() throws Exception {
		OriginalRef original = stored("yuan.amr", "audio/amr", "amr", null, "amr_nb");
		DerivedCopy requested = copies.proxyFor(custodian, original).orElseThrow();
		copies.workPending();

		DerivedCopy proxy = copies.byId(requested.id()).orElseThrow();
		assertThat(proxy.state()).isEqualTo(DerivedCopy.State.READY);
		assertThat(proxy.contentType()).isEqualTo("audio/mp4");
		assertThat(proxy.storeKey()).endsWith(".m4a");
		try (FFmpegFrameGrabber grabber = grabber(proxy.storeKey())) {
			assertThat(grabber.getAudioCodecName()).isEqualTo("aac");
			assertThat(grabber.getVideoCodecName()).isNull();
			assertThat(grabber.getLengthInTime()).isGreaterThan(30_000_000);
		}
	}

	@Test
	void originalsThatPlayAsTheyAreGetNoProxy() throws Exception {
		OriginalRef original = stored("Tiny Sample - NEW - Metaxed.mp4", "video/mp4", MOV, "h264", "aac");
		assertThat(copies.proxyFor(custodian, original)).isEmpty();
	}

	@Test
	void aCopyThatComesOutTheOriginalByteForByteIsNotStoredAndTheOriginalPlays() throws Exception {
		OriginalRef amr = stored("yuan.amr", "audio/amr", "amr", null, "amr_nb");
		DerivedCopy first = copies.proxyFor(custodian, amr).orElseThrow();
		copies.workPending();
		String made = copies.byId(first.id()).orElseThrow().sha256();
		// the same sound again, now for an original whose bytes are that proxy's: its proxy would be those bytes
		OriginalRef itsOwnProxy = new OriginalRef(UUID.randomUUID(), AGENCY, amr.storeKey(), made, "audio/amr", "amr",
				null, "amr_nb");
		DerivedCopy requested = copies.proxyFor(custodian, itsOwnProxy).orElseThrow();
		long storedBefore = storedFiles();
		copies.workPending();

		DerivedCopy same = copies.byId(requested.id()).orElseThrow();
		assertThat(same.sameAsOriginal()).as(same.problem()).isTrue();
		assertThat(same.state()).isEqualTo(DerivedCopy.State.FAILED);
		assertThat(same.storeKey()).isNull();
		assertThat(same.sha256()).isNull();
		assertThat(storedFiles()).as("nothing new in the store").isEqualTo(storedBefore);
		assertThat(entry("media.derived-failed", same.id()).payloadJson()).contains("same-as-original");
		assertThat(copies.proxyFor(custodian, itsOwnProxy)).as("not made again").contains(same);
		assertThat(messages.getMessage("media.problem.same-as-original", null, Locale.SIMPLIFIED_CHINESE)).contains("原件");
	}

	private long storedFiles() throws IOException {
		try (var files = Files.walk(properties.dataDir().resolve("store"))) {
			return files.filter(Files::isRegularFile).count();
		}
	}

	@Test
	void aClipStartingBetweenKeyFramesIsReEncodedFromWhereItWasAskedToStart() throws Exception {
		OriginalRef original = stored("Tiny Sample - NEW - Metaxed.mp4", "video/mp4", MOV, "h264", "aac");
		DerivedCopy requested = copies.requestClip(custodian, original, 3000, 7000);
		copies.workPending();

		DerivedCopy clip = copies.byId(requested.id()).orElseThrow();
		assertThat(clip.state()).isEqualTo(DerivedCopy.State.READY);
		// the key frame before is at 2.3 s: a stream copy would start there, the re-encoded clip starts at 3 s
		assertThat(clip.actualFromMillis()).isEqualTo(3000);
		assertThat(clip.actualToMillis()).isEqualTo(7000);
		assertThat(clip.contentType()).isEqualTo("video/mp4");
		assertThat(sha256(clip.storeKey())).isEqualTo(clip.sha256());
		try (FFmpegFrameGrabber grabber = grabber(clip.storeKey())) {
			assertThat(grabber.getVideoCodecName()).isEqualTo("h264");
			assertThat(grabber.getLengthInTime() / 1000.0).isCloseTo(4000.0, org.assertj.core.data.Offset.offset(100.0));
		}
		assertThat(entry("media.derived-made", clip.id()).payloadJson()).contains("\"fromMillis\":3000",
				"\"toMillis\":7000", "\"actualFromMillis\":3000", "\"actualToMillis\":7000");
	}

	@Test
	void aClipStartingAfterTheEndFailsWithItsProblem() throws Exception {
		OriginalRef original = stored("Tiny Sample - NEW - Metaxed.mp4", "video/mp4", MOV, "h264", "aac");
		DerivedCopy requested = copies.requestClip(custodian, original, 60_000, 70_000);
		copies.workPending();

		DerivedCopy clip = copies.byId(requested.id()).orElseThrow();
		assertThat(clip.state()).isEqualTo(DerivedCopy.State.FAILED);
		assertThat(clip.problem()).startsWith("starts-after-end");
		assertThat(clip.storeKey()).isNull();
	}

	@Test
	void aWatermarkedCopyShowsItsTextOverThePicture() throws Exception {
		OriginalRef original = stored("100_0306.AVI", "video/x-msvideo", "avi", "mjpeg", "pcm_s16le");
		DerivedCopy proxyRequest = copies.proxyFor(custodian, original).orElseThrow();
		DerivedCopy marked = copies.requestWatermarked(custodian, original, "开封市中级人民法院", "DY-2026-031");
		copies.workPending();

		DerivedCopy proxy = copies.byId(proxyRequest.id()).orElseThrow();
		DerivedCopy copy = copies.byId(marked.id()).orElseThrow();
		assertThat(copy.state()).isEqualTo(DerivedCopy.State.READY);
		assertThat(copy.madeFor()).isEqualTo("开封市中级人民法院");
		String text = jdbc.sql("select watermark_text from media_derived where id = :id").param("id", copy.id())
			.query(String.class).single();
		assertThat(text).contains("制作：media-custodian", "提供给：开封市中级人民法院", "申请：DY-2026-031",
				"原件：" + original.sha256().substring(0, 12));
		BufferedImage plain = frame(proxy.storeKey());
		BufferedImage burned = frame(copy.storeKey());
		int height = plain.getHeight();
		assertThat(difference(plain, burned, height * 85 / 100, height)).as("the text band").isGreaterThan(25);
		assertThat(difference(plain, burned, 0, height / 2)).as("the picture above it").isLessThan(8);
		assertThat(entry("media.watermark-requested", copy.id()).payloadJson()).contains("DY-2026-031");
	}

	@Test
	void aStillIsAWatermarkedJpegOfTheFrameAtItsMomentWithItsOwnHash() throws Exception {
		OriginalRef original = stored("100_0306.AVI", "video/x-msvideo", "avi", "mjpeg", "pcm_s16le");
		DerivedCopy requested = copies.requestStill(custodian, original, 1000, "开封市中级人民法院", "DY-2026-032");
		assertThat(requested.kind()).isEqualTo(DerivedCopy.Kind.STILL);
		assertThat(requested.fromMillis()).isEqualTo(1000);
		assertThat(requested.toMillis()).isNull();
		copies.workPending();

		DerivedCopy still = copies.byId(requested.id()).orElseThrow();
		assertThat(still.state()).isEqualTo(DerivedCopy.State.READY);
		assertThat(still.contentType()).isEqualTo("image/jpeg");
		assertThat(still.storeKey()).endsWith(".jpg");
		assertThat(still.actualFromMillis()).isBetween(900L, 1100L);
		assertThat(sha256(still.storeKey())).isEqualTo(still.sha256()).isNotEqualTo(original.sha256());
		assertThat(store.size(still.storeKey())).isEqualTo(still.size());
		BufferedImage picture = jpeg(still.storeKey());
		BufferedImage plain = frame(original.storeKey());
		try (FFmpegFrameGrabber source = grabber(original.storeKey())) {
			assertThat(picture.getWidth()).isEqualTo(source.getImageWidth()).isEqualTo(320);
			assertThat(picture.getHeight()).isEqualTo(source.getImageHeight()).isEqualTo(240);
		}
		int height = picture.getHeight();
		assertThat(difference(plain, picture, height * 85 / 100, height)).as("the text band").isGreaterThan(25);
		assertThat(difference(plain, picture, 0, height / 2)).as("the picture above it: the same frame").isLessThan(8);
		assertThat(entry("media.still-requested", still.id()).payloadJson()).contains("\"atMillis\":1000",
				"DY-2026-032", "开封市中级人民法院");
		assertThat(entry("media.derived-made", still.id()).payloadJson()).contains(still.sha256(),
				"\"actualFromMillis\":" + still.actualFromMillis());
		assertThat(sha256(original.storeKey())).as("the original is untouched").isEqualTo(original.sha256());
	}

	@Test
	void aStillAskedForPastTheEndShowsTheLastFrameAndSaysWhen() throws Exception {
		OriginalRef original = stored("Tiny Sample - NEW - Metaxed.mp4", "video/mp4", MOV, "h264", "aac");
		DerivedCopy requested = copies.requestStill(custodian, original, 600_000, "开封市中级人民法院", null);
		copies.workPending();

		DerivedCopy still = copies.byId(requested.id()).orElseThrow();
		assertThat(still.state()).isEqualTo(DerivedCopy.State.READY);
		assertThat(still.fromMillis()).isEqualTo(600_000);
		// the sample lasts 11.1 s
		assertThat(still.actualFromMillis()).isBetween(10_500L, 11_200L);
		BufferedImage picture = jpeg(still.storeKey());
		assertThat(picture.getWidth()).isEqualTo(128);
		assertThat(picture.getHeight()).isEqualTo(72);
	}

	@Test
	void aStillOfAnUprightPhoneVideoIsTurnedAsPlayersShowIt() throws Exception {
		Path upright = Files.createTempFile("upright", ".mp4");
		try {
			try (org.bytedeco.javacv.FFmpegFrameRecorder recorder = new org.bytedeco.javacv.FFmpegFrameRecorder(
					upright.toFile(), 320, 240, 0)) {
				recorder.setVideoCodec(org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG4);
				recorder.setPixelFormat(org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P);
				recorder.setFrameRate(25);
				// stored sideways, shown turned a quarter clockwise: the stored top left is shown top right
				recorder.setDisplayRotation(-90);
				recorder.start();
				Java2DFrameConverter converter = new Java2DFrameConverter();
				for (int i = 0; i < 50; i++) {
					BufferedImage picture = new BufferedImage(320, 240, BufferedImage.TYPE_3BYTE_BGR);
					picture.getGraphics().fillRect(0, 0, 60, 60);
					recorder.record(converter.convert(picture));
				}
			}
			StoredBlob blob;
			try (InputStream in = Files.newInputStream(upright)) {
				blob = store.put(AGENCY, LocalDate.of(2026, 11, 23), "upright.mp4", in);
			}
			OriginalRef original = new OriginalRef(UUID.randomUUID(), AGENCY, blob.key(), blob.sha256(), "video/mp4", MOV,
					"mpeg4", null);
			DerivedCopy requested = copies.requestStill(custodian, original, 1000, "开封市中级人民法院", null);
			copies.workPending();

			DerivedCopy still = copies.byId(requested.id()).orElseThrow();
			assertThat(still.state()).isEqualTo(DerivedCopy.State.READY);
			BufferedImage picture = jpeg(still.storeKey());
			assertThat(picture.getWidth()).isEqualTo(240);
			assertThat(picture.getHeight()).isEqualTo(320);
			assertThat(grey(picture.getRGB(240 - 30, 30))).as("the white corner, top right").isGreaterThan(200);
			assertThat(grey(picture.getRGB(30, 30))).as("top left").isLessThan(50);
		}
		finally {
			Files.deleteIfExists(upright);
		}
	}

	@Test
	void aStillOfASoundRecordingEndsFailedWithItsProblem() throws Exception {
		OriginalRef original = stored("yuan.amr", "audio/amr", "amr", null, "amr_nb");
		DerivedCopy requested = copies.requestStill(custodian, original, 1000, "开封市中级人民法院", null);
		copies.workPending();

		DerivedCopy still = copies.byId(requested.id()).orElseThrow();
		assertThat(still.state()).isEqualTo(DerivedCopy.State.FAILED);
		assertThat(still.problemCode()).isEqualTo("no-picture");
		assertThat(still.storeKey()).isNull();
		assertThat(messages.getMessage("media.problem.no-picture", null, Locale.SIMPLIFIED_CHINESE))
			.contains("截图");
		assertThat(entry("media.derived-failed", still.id()).payloadJson()).contains("no-picture");
		assertThat(properties.dataDir().resolve("work/media").resolve(still.id().toString())).doesNotExist();
	}

	@Test
	void refusesAStillAtANegativeTime() throws Exception {
		OriginalRef original = stored("100_0306.AVI", "video/x-msvideo", "avi", "mjpeg", "pcm_s16le");
		assertThatThrownBy(() -> copies.requestStill(custodian, original, -1, "开封市中级人民法院", null))
			.isInstanceOfSatisfying(CustodiaException.class, e -> {
				assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat(e.messageKey()).isEqualTo("error.still-time");
			});
		assertThatThrownBy(() -> copies.requestStill(custodian, original, 1000, " ", null)).isInstanceOfSatisfying(
				CustodiaException.class, e -> assertThat(e.messageKey()).isEqualTo("error.watermark-for"));
		assertThat(copies.of(original.recordingId())).isEmpty();
	}

	@Test
	void aProxyOfAnUprightPhoneVideoKeepsItsRotation() throws Exception {
		Path upright = Files.createTempFile("upright", ".mp4");
		try {
			try (org.bytedeco.javacv.FFmpegFrameRecorder recorder = new org.bytedeco.javacv.FFmpegFrameRecorder(
					upright.toFile(), 320, 240, 0)) {
				recorder.setVideoCodec(org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG4);
				recorder.setPixelFormat(org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P);
				recorder.setFrameRate(25);
				recorder.setDisplayRotation(-90);
				recorder.start();
				Java2DFrameConverter converter = new Java2DFrameConverter();
				for (int i = 0; i < 50; i++) {
					recorder.record(converter.convert(new BufferedImage(320, 240, BufferedImage.TYPE_3BYTE_BGR)));
				}
			}
			StoredBlob blob;
			try (InputStream in = Files.newInputStream(upright)) {
				blob = store.put(AGENCY, LocalDate.of(2026, 11, 23), "upright.mp4", in);
			}
			OriginalRef original = new OriginalRef(UUID.randomUUID(), AGENCY, blob.key(), blob.sha256(), "video/mp4", MOV,
					"mpeg4", null);
			DerivedCopy requested = copies.proxyFor(custodian, original).orElseThrow();
			copies.workPending();

			DerivedCopy proxy = copies.byId(requested.id()).orElseThrow();
			assertThat(proxy.state()).isEqualTo(DerivedCopy.State.READY);
			try (FFmpegFrameGrabber grabber = grabber(proxy.storeKey())) {
				assertThat(grabber.getDisplayRotation()).isEqualTo(-90.0);
				assertThat(grabber.getImageWidth()).isGreaterThan(grabber.getImageHeight());
			}
		}
		finally {
			Files.deleteIfExists(upright);
		}
	}

	@Test
	void twoRequestsForTheSameProxyAtOnceMakeOneProxyAndOneLedgerEntry() throws Exception {
		OriginalRef stored = stored("foreman-hevc-384.mp4", "video/mp4", MOV, "hevc", null);
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 5; round++) {
				// the same bytes, filed as five recordings: each recording gets its own single proxy
				OriginalRef original = new OriginalRef(UUID.randomUUID(), AGENCY, stored.storeKey(), stored.sha256(),
						stored.contentType(), MOV, "hevc", null);
				java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
				java.util.concurrent.Callable<DerivedCopy> ask = () -> {
					start.await();
					return copies.proxyFor(custodian, original).orElseThrow();
				};
				var first = pool.submit(ask);
				var second = pool.submit(ask);
				start.countDown();
				String proxy = first.get().id().toString();
				assertThat(second.get().id().toString()).isEqualTo(proxy);
				assertThat(jdbc.sql("select count(*) from media_derived where recording_id = :r and kind = 'PROXY'")
					.param("r", original.recordingId()).query(Long.class).single()).isEqualTo(1);
				assertThat(ledger.entries(0, 100_000, AGENCY).stream()
					.filter(entry -> entry.action().equals("media.proxy-requested"))
					.filter(entry -> entry.subjectId().equals(proxy))).hasSize(1);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aTruncatedOriginalEndsFailedAndLeavesNoFileBehind() throws Exception {
		OriginalRef original = stored("truncated.mp4", "video/mp4", MOV, "mpeg4", "aac");
		DerivedCopy requested = copies.proxyFor(custodian, original).orElseThrow();
		copies.workPending();

		DerivedCopy proxy = copies.byId(requested.id()).orElseThrow();
		assertThat(proxy.state()).isEqualTo(DerivedCopy.State.FAILED);
		assertThat(proxy.problem()).isNotBlank();
		assertThat(proxy.storeKey()).isNull();
		assertThat(proxy.sha256()).isNull();
		assertThat(properties.dataDir().resolve("work/media").resolve(proxy.id().toString())).doesNotExist();
		assertThat(entry("media.derived-failed", proxy.id()).payloadJson()).contains(proxy.problem().substring(0, 10));
	}

	@Test
	void aCopyInterruptedByAStopIsMadeAgainAfterARestart() throws Exception {
		OriginalRef original = stored("100_0306.AVI", "video/x-msvideo", "avi", "mjpeg", "pcm_s16le");
		DerivedCopy requested = copies.requestClip(custodian, original, 500, 1500);
		assertThat(repository.claim(requested.id())).isTrue();
		assertThat(copies.byId(requested.id()).orElseThrow().state()).isEqualTo(DerivedCopy.State.WORKING);

		work.releaseInterrupted();

		assertThat(copies.byId(requested.id()).orElseThrow().state()).isEqualTo(DerivedCopy.State.PENDING);
		copies.workPending();
		DerivedCopy clip = copies.byId(requested.id()).orElseThrow();
		assertThat(clip.state()).isEqualTo(DerivedCopy.State.READY);
		assertThat(clip.contentType()).isEqualTo("video/x-msvideo");
	}

	@Test
	void refusesAClipWithoutASpanAndAWatermarkWithoutARecipient() throws Exception {
		OriginalRef original = stored("100_0306.AVI", "video/x-msvideo", "avi", "mjpeg", "pcm_s16le");
		assertThatThrownBy(() -> copies.requestClip(custodian, original, 5000, 5000)).isInstanceOfSatisfying(
				CustodiaException.class, e -> {
					assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
					assertThat(e.messageKey()).isEqualTo("error.clip-backwards");
				});
		assertThatThrownBy(() -> copies.requestClip(custodian, original, -1, 5000)).isInstanceOf(CustodiaException.class);
		assertThatThrownBy(() -> copies.requestWatermarked(custodian, original, " ", "X")).isInstanceOfSatisfying(
				CustodiaException.class, e -> assertThat(e.messageKey()).isEqualTo("error.watermark-for"));
		Actor stranger = new TestActor(UUID.randomUUID(), "stranger", Optional.of("kaifeng-audit"), Set.of(Role.CUSTODIAN));
		assertThatThrownBy(() -> copies.proxyFor(stranger, original)).isInstanceOfSatisfying(CustodiaException.class,
				e -> assertThat(e.citation()).contains("tenant isolation"));
		assertThat(copies.of(original.recordingId())).isEmpty();
	}

	private OriginalRef stored(String file, String contentType, String format, String video, String audio) throws IOException {
		StoredBlob blob;
		try (InputStream in = Files.newInputStream(MEDIA.resolve(file))) {
			blob = store.put(AGENCY, LocalDate.of(2026, 11, 23), file, in);
		}
		return new OriginalRef(UUID.randomUUID(), AGENCY, blob.key(), blob.sha256(), contentType, format, video, audio);
	}

	private String sha256(String key) throws Exception {
		try (InputStream in = store.open(key, 0, -1)) {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
		}
	}

	private FFmpegFrameGrabber grabber(String key) throws Exception {
		FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(store.localFile(key).orElseThrow().toString());
		grabber.start();
		return grabber;
	}

	private BufferedImage frame(String key) throws Exception {
		try (FFmpegFrameGrabber grabber = grabber(key)) {
			grabber.setTimestamp(1_000_000);
			Frame frame = grabber.grabImage();
			BufferedImage image = new Java2DFrameConverter().convert(frame);
			BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
			copy.getGraphics().drawImage(image, 0, 0, null);
			return copy;
		}
	}

	private BufferedImage jpeg(String key) throws Exception {
		try (InputStream in = store.open(key, 0, -1)) {
			BufferedImage image = ImageIO.read(in);
			assertThat(image).as("a picture ImageIO can read").isNotNull();
			return image;
		}
	}

	/** The mean difference of the grey levels of two pictures over a band of rows. */
	private static double difference(BufferedImage a, BufferedImage b, int fromRow, int toRow) {
		long sum = 0;
		long count = 0;
		for (int y = fromRow; y < toRow; y++) {
			for (int x = 0; x < a.getWidth(); x++) {
				sum += Math.abs(grey(a.getRGB(x, y)) - grey(b.getRGB(x, y)));
				count++;
			}
		}
		return (double) sum / count;
	}

	private static int grey(int rgb) {
		return ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
	}

	private LedgerEntry entry(String action, UUID subject) {
		return ledger.entries(0, 100_000, AGENCY).stream()
			.filter(entry -> entry.action().equals(action) && entry.subjectId().equals(subject.toString()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + action + " entry for " + subject));
	}
}
