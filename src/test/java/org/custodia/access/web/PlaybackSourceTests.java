package org.custodia.access.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.custodia.media.DerivedCopy;
import org.custodia.media.MediaFacts;
import org.custodia.recording.NameFacts;
import org.custodia.recording.Recording;
import org.junit.jupiter.api.Test;

/** What the player is given to play: the original when it plays as it is, else its proxy once made. */
class PlaybackSourceTests {

	static final String MOV = "mov,mp4,m4a,3gp,3g2,mj2";

	@Test
	void anH264MovIsPlayedAsTheMp4ItIs() {
		PlaybackApiController.Source source = PlaybackApiController.source(recording("video/quicktime", "h264"), List.of());
		assertThat(source.kind()).isEqualTo("original");
		assertThat(source.contentType()).isEqualTo("video/mp4");
		assertThat(source.proxyState()).isNull();
	}

	@Test
	void aProxyThatCameOutTheOriginalItselfLeavesTheOriginalPlayingWithoutAFailure() {
		Recording recording = recording("video/mp4", "mpeg4");
		PlaybackApiController.Source source = PlaybackApiController.source(recording,
				List.of(proxy(recording, "same-as-original: the copy made has the original's SHA-256")));
		assertThat(source.kind()).isEqualTo("original");
		assertThat(source.url()).isEqualTo("/api/v1/recordings/" + recording.id() + "/content");
		assertThat(source.proxyState()).isNull();
		assertThat(source.problemCode()).isNull();
	}

	@Test
	void aProxyThatFailedOtherwiseIsShownAsFailed() {
		Recording recording = recording("video/mp4", "mpeg4");
		PlaybackApiController.Source source = PlaybackApiController.source(recording,
				List.of(proxy(recording, "truncated: decoding stopped at 300 ms of 4966 ms")));
		assertThat(source.kind()).isEqualTo("original");
		assertThat(source.proxyState()).isEqualTo("FAILED");
		assertThat(source.problemCode()).isEqualTo("truncated");
	}

	private static Recording recording(String contentType, String video) {
		MediaFacts media = new MediaFacts(MOV, 4_967L, null, null, null, null, video, 190, 240, 25.0, "aac", 2, 32_000, null,
				null, null, null, null, null, java.util.List.of(), null, null);
		return new Recording(UUID.randomUUID(), "neiqiu-health", UUID.randomUUID(), null, "neiqiu-health/2026/11/23/a.avi",
				"a".repeat(64), null, 10, "VID_0001.AVI", contentType, null, null, null, Instant.EPOCH, "custodian", null,
				null, null, true, null, media, NameFacts.NOTHING, null, false, null);
	}

	private static DerivedCopy proxy(Recording recording, String problem) {
		return new DerivedCopy(UUID.randomUUID(), recording.id(), recording.agency(), DerivedCopy.Kind.PROXY,
				DerivedCopy.State.FAILED, null, null, null, null, null, null, null, null, "custodian", null, null, problem,
				Instant.EPOCH, Instant.EPOCH);
	}
}
