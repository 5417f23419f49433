package org.custodia.media;

import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.custodia.media.StripFrames;
import org.custodia.shared.CustodiaProperties;

/**
 * Custodia's side of {@code bench/posters.sh}: for one video, the seconds to read its facts (the
 * import's metadata), its poster frame and the player's strip of {@link StripFrames#COUNT} seek frames,
 * each printed on a line, the FFmpeg libraries loaded first on another file (a running server has them).
 * Usage: {@code PosterBenchmark <warm-up video> <video> <work dir>}.
 */
public final class PosterBenchmark {

	private PosterBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path warmUp = Path.of(args[0]);
		Path video = Path.of(args[1]);
		Path work = Path.of(args[2]);
		MediaProbe probe = new MediaProbe();
		StripFrames strip = stripIn(work.resolve("warm"));
		MediaFacts warm = probe.probe(warmUp);
		probe.posterFrame(warmUp);
		strip.frame("0".repeat(64), warmUp, warm.durationMillis(), 0);

		strip = stripIn(work.resolve("timed"));
		long start = System.nanoTime();
		MediaFacts facts = probe.probe(video);
		long probed = System.nanoTime();
		Optional<byte[]> poster = probe.posterFrame(video);
		long postered = System.nanoTime();
		int frames = 0;
		for (int index = 0; index < StripFrames.COUNT; index++) {
			if (strip.frame("1".repeat(64), video, facts.durationMillis(), index).isPresent()) {
				frames++;
			}
		}
		long stripped = System.nanoTime();
		if (facts.problem() != null || poster.isEmpty() || frames != StripFrames.COUNT) {
			throw new IllegalStateException("facts " + facts + ", poster " + poster.isPresent() + ", frames " + frames);
		}
		System.out.printf("facts %.3f%n", (probed - start) / 1e9);
		System.out.printf("poster %.3f%n", (postered - probed) / 1e9);
		System.out.printf("strip %.3f%n", (stripped - postered) / 1e9);
		System.out.printf("duration %.3f %s %dx%d%n", facts.durationMillis() / 1000.0, facts.videoCodec(), facts.width(),
				facts.height());
	}

	// The strip is a media component made by Spring; here it is made by hand on a scratch directory.
	private static StripFrames stripIn(Path dataDir) throws Exception {
		Files.createDirectories(dataDir);
		Constructor<StripFrames> constructor = StripFrames.class.getDeclaredConstructor(CustodiaProperties.class);
		constructor.setAccessible(true);
		return constructor.newInstance(new CustodiaProperties(dataDir, false));
	}
}
