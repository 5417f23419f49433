package org.custodia.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.custodia.TestMedia;
import org.junit.jupiter.api.Test;

/** Which of the shared real media play in the browser as they are, by what FFmpeg found in them. */
class PlaysInBrowserTests {

	private static final Map<String, Boolean> EXPECTED = Map.ofEntries(Map.entry("16bit-8khz-bext-mono.wav", true),
			Map.entry("8bit-mulaw-8kHz-noBext-mono-encoded.wav", true),
			Map.entry("ArithmeticException.Mp3Reader.extract.mp3", false), Map.entry("empty.mp3", false),
			Map.entry("riff-metadata-only.wav", true), Map.entry("silence.mp3", true), Map.entry("test-pod.m4a", true),
			Map.entry("Apple iPhone 4.jpg", true), Map.entry("Nexus 4.jpg", true),
			Map.entry("Olympus μ Digital 800.JPG", true), Map.entry("Reconyx HF2 Pro Covert.jpg", true),
			Map.entry("100_0306.AVI", false), Map.entry("foreman-hevc-384.mp4", false), Map.entry("MOV00006.3gp", false),
			Map.entry("multiTrack.3gp", false), Map.entry("riff-metadata-only.avi", false), Map.entry("sample_mpeg4.mp4", false),
			Map.entry("Tiny Sample - NEW - Metaxed.mp4", true), Map.entry("truncated.mp4", false),
			Map.entry("yuan.amr", false));

	@Test
	void decidesEveryFileOfTheSharedMedia() throws IOException {
		List<Map<String, Object>> files = JsonPath.parse(TestMedia.file("manifest.json").toFile())
			.read("$.files[*]");
		assertThat(files).as("every file of the manifest has an expectation here").hasSize(EXPECTED.size());
		for (Map<String, Object> file : files) {
			String name = (String) file.get("file");
			assertThat(DerivedCopies.playsInBrowser(original(file))).as(name).isEqualTo(EXPECTED.get(name));
		}
	}

	@Test
	void h264InA3gpNeedsAProxyWhileTheSameInAnMp4DoesNot() {
		String mov = "mov,mp4,m4a,3gp,3g2,mj2";
		assertThat(DerivedCopies.playsInBrowser(ref("a.3gp", "video/3gpp", mov, "h264", "aac"))).isFalse();
		assertThat(DerivedCopies.playsInBrowser(ref("a.mp4", "video/mp4", mov, "h264", "aac"))).isTrue();
		assertThat(DerivedCopies.playsInBrowser(ref("a.mov", "video/quicktime", mov, "h264", null))).isTrue();
		assertThat(DerivedCopies.playsInBrowser(ref("a.mov", "video/quicktime", mov, "mjpeg", "aac"))).isFalse();
		assertThat(DerivedCopies.playsInBrowser(ref("a.mp4", "video/mp4", mov, "h264", "amr_nb"))).isFalse();
	}

	@Test
	void theContentDecidesNotTheName() {
		String mov = "mov,mp4,m4a,3gp,3g2,mj2";
		for (String name : List.of("a.avi", "a.3gp", "a.mov", "a.mpg", "a", "a.m4a")) {
			OriginalRef mp4 = ref(name, "video/mp4", mov, "h264", "aac");
			assertThat(DerivedCopies.playsInBrowser(mp4)).as(name).isTrue();
			assertThat(DerivedCopies.browserType(mp4)).as(name).isEqualTo("video/mp4");
		}
		// an MJPEG AVI named .mp4 is still an AVI, and a 3GP by its brand is one under any name
		assertThat(DerivedCopies.playsInBrowser(ref("a.mp4", "video/x-msvideo", "avi", "mjpeg", "pcm_s16le"))).isFalse();
		assertThat(DerivedCopies.playsInBrowser(ref("a.mp4", "video/3gpp", mov, "h264", "aac"))).isFalse();
		// cover art plays in a sound recording by its brand (M4A), whatever its name; in a film it is no film
		assertThat(DerivedCopies.playsInBrowser(ref("a.mp4", "audio/mp4", mov, "mjpeg", "aac"))).isTrue();
		assertThat(DerivedCopies.playsInBrowser(ref("a.m4a", "video/mp4", mov, "mjpeg", "aac"))).isFalse();
	}

	@Test
	void anOriginalThatPlaysIsServedAsTheTypeItsContentIs() {
		String mov = "mov,mp4,m4a,3gp,3g2,mj2";
		assertThat(DerivedCopies.browserType(ref("a.mov", "video/quicktime", mov, "h264", "aac"))).isEqualTo("video/mp4");
		assertThat(DerivedCopies.browserType(ref("a.avi", "audio/mp4", mov, "mjpeg", "aac"))).isEqualTo("audio/mp4");
		assertThat(DerivedCopies.browserType(ref("a.mp4", "video/mp4", mov, null, "aac"))).isEqualTo("audio/mp4");
		assertThat(DerivedCopies.browserType(ref("a.mkv", "application/octet-stream", "matroska,webm", "vp9", "opus")))
			.isEqualTo("video/webm");
		assertThat(DerivedCopies.browserType(ref("a.wav", "audio/wav", "wav", null, "pcm_s16le"))).isEqualTo("audio/wav");
		assertThat(DerivedCopies.browserType(ref("a.bin", "audio/mpeg", "mp3", null, "mp3"))).isEqualTo("audio/mpeg");
		assertThat(DerivedCopies.browserType(ref("a.dat", "image/jpeg", "image2", "mjpeg", null))).isEqualTo("image/jpeg");
		// one that does not play keeps the type found at import: it is downloaded, or its proxy plays
		assertThat(DerivedCopies.browserType(ref("a.mp4", "video/mp4", mov, "mpeg4", "aac"))).isEqualTo("video/mp4");
		assertThat(DerivedCopies.browserType(ref("a.avi", "video/x-msvideo", "avi", "mjpeg", null)))
			.isEqualTo("video/x-msvideo");
	}

	@Test
	void aClipKeepsTheContainerItsOriginalsBrandSays() {
		String mov = "mov,mp4,m4a,3gp,3g2,mj2";
		assertThat(PacketClip.container(mov, "mp42")[2]).isEqualTo("video/mp4");
		assertThat(PacketClip.container(mov, "isom")[2]).isEqualTo("video/mp4");
		assertThat(PacketClip.container(mov, null)[2]).isEqualTo("video/mp4");
		assertThat(PacketClip.container(mov, "qt  ")[2]).isEqualTo("video/quicktime");
		assertThat(PacketClip.container(mov, "3gp4")[2]).isEqualTo("video/3gpp");
		assertThat(PacketClip.container(mov, "3g2a")[2]).isEqualTo("video/3gpp2");
		assertThat(PacketClip.container(mov, "M4A ")[2]).isEqualTo("audio/mp4");
		assertThat(PacketClip.container("avi", "mp42")[2]).isEqualTo("video/x-msvideo");
	}

	@Test
	void webmPlaysWithItsOwnCodecsOnly() {
		String webm = "matroska,webm";
		assertThat(DerivedCopies.playsInBrowser(ref("a.webm", "video/webm", webm, "vp9", "opus"))).isTrue();
		assertThat(DerivedCopies.playsInBrowser(ref("a.webm", "video/webm", webm, "av1", null))).isTrue();
		assertThat(DerivedCopies.playsInBrowser(ref("a.mkv", "video/x-matroska", webm, "hevc", "aac"))).isFalse();
		assertThat(DerivedCopies.playsInBrowser(ref("a.ogg", "audio/ogg", "ogg", null, "vorbis"))).isTrue();
	}

	@SuppressWarnings("unchecked")
	private static OriginalRef original(Map<String, Object> file) {
		Map<String, Object> type = (Map<String, Object>) file.get("file_type");
		Map<String, Object> codecs = (Map<String, Object>) file.get("codecs");
		Map<String, Object> mime = (Map<String, Object>) file.get("mime");
		String name = ((String) file.get("file")).toLowerCase(Locale.ROOT);
		return ref("t/2026/11/23/" + file.get("sha256") + name.substring(name.lastIndexOf('.')),
				(String) mime.get("file_cmd"), type == null ? null : (String) type.get("ffprobe_format_name"),
				codecs == null ? null : (String) codecs.get("video"), codecs == null ? null : (String) codecs.get("audio"));
	}

	private static OriginalRef ref(String key, String contentType, String format, String video, String audio) {
		return new OriginalRef(UUID.randomUUID(), "t", key, "0".repeat(64), contentType, format, video, audio);
	}
}
