package org.custodia.ingest;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.custodia.device.Device;
import org.custodia.device.DeviceRegister;
import org.custodia.policy.AgencyPolicy;
import org.custodia.policy.Policies;
import org.custodia.recording.RecordingRegister;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With {@code custodia.demo=true}: short generated clips from the demo body cameras of the last
 * working days, imported like a docked device (one marked important), so a newcomer sees the
 * recordings register, posters and lateness filled. Runs after the demo devices exist.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "custodia.demo", havingValue = "true")
class DemoRecordings implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoRecordings.class);

	private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

	/** As cameras write it: the local time, in the form FFmpeg takes. */
	private static final DateTimeFormatter CREATION_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'.000000Z'");

	private final RecordingImports imports;

	private final RecordingRegister recordings;

	private final DeviceRegister register;

	private final Policies policies;

	private final Clock clock;

	DemoRecordings(RecordingImports imports, RecordingRegister recordings, DeviceRegister register, Policies policies,
			Clock clock) {
		this.imports = imports;
		this.recordings = recordings;
		this.register = register;
		this.policies = policies;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (AgencyPolicy policy : policies.all()) {
			Actor demo = WorkstationCustodian.demo(policy.code());
			if (recordings.anyOf(policy.code())) {
				continue;
			}
			for (int n = 1; n <= 2; n++) {
				String number = policy.agency().seed() + "-ZFJLY-00" + n;
				try {
					Device device = register.byNumber(demo, policy.code(), number);
					importClips(demo, device, n);
				}
				catch (CustodiaException e) {
					log.debug("No demo device {} for {}: {}", number, policy.code(), e.messageKey());
				}
			}
			log.info("Demo recordings imported for {}", policy.code());
		}
	}

	private void importClips(Actor demo, Device device, int n) {
		Path folder = null;
		try {
			folder = Files.createTempDirectory("custodia-demo");
			List<SourceFile> files = new ArrayList<>();
			LocalDate today = LocalDate.now(clock);
			for (int day = 1; day <= 3; day++) {
				LocalDateTime start = today.minusDays(day).atTime(9 + 2 * day, 10 * n);
				String name = device.number() + "_" + NAME_TIME.format(start) + "_000" + day + (day == 2 ? "_IMP" : "")
						+ ".MP4";
				Path clip = folder.resolve(name);
				// the movie header's time is UTC, as the format defines it and a well-set camera writes it
				record(clip, start.atZone(clock.getZone()).withZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime(),
						n * 40 + day * 60);
				Files.setLastModifiedTime(clip, FileTime.from(start.plusSeconds(3).atZone(clock.getZone()).toInstant()));
				files.add(new SourceFile(clip, "DCIM/" + name));
			}
			imports.importFiles(demo, device.agency(), device.number(), null, files, ImportProgress.NONE);
		}
		catch (IOException e) {
			log.warn("Demo clips for {} could not be made", device.number(), e);
		}
		finally {
			delete(folder);
		}
	}

	/** Three seconds of a moving bar over a hue that differs per clip: enough to tell posters apart. */
	private static void record(Path clip, LocalDateTime startUtc, int hue) throws IOException {
		Java2DFrameConverter converter = new Java2DFrameConverter();
		avutil.av_log_set_level(avutil.AV_LOG_QUIET);
		try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(clip.toString(), 320, 240, 0)) {
			recorder.setFormat("mp4");
			recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
			recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
			recorder.setFrameRate(25);
			recorder.setVideoQuality(4);
			recorder.setMetadata(Map.of("creation_time", CREATION_TIME.format(startUtc),
					"make", "Hikvision", "model", "DS-MH2311"));
			recorder.start();
			BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_3BYTE_BGR);
			for (int frame = 0; frame < 75; frame++) {
				Graphics2D graphics = image.createGraphics();
				graphics.setColor(Color.getHSBColor((hue % 360) / 360f, 0.5f, 0.7f));
				graphics.fillRect(0, 0, 320, 240);
				graphics.setColor(Color.WHITE);
				graphics.fillRect(frame * 4, 100, 40, 40);
				graphics.dispose();
				recorder.record(converter.convert(image));
			}
			recorder.stop();
		}
		catch (FFmpegFrameRecorder.Exception e) {
			throw new IOException(e);
		}
	}

	private static void delete(Path folder) {
		if (folder == null) {
			return;
		}
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
