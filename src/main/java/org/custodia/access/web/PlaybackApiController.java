package org.custodia.access.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.custodia.access.Playable;
import org.custodia.access.Playback;
import org.custodia.policy.AccessMatrix;
import org.custodia.recording.Recording;
import org.custodia.ledger.LedgerEntry;
import org.custodia.media.DerivedCopies;
import org.custodia.media.DerivedCopy;
import org.custodia.media.StripFrames;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.custodia.shared.Actor;
import org.custodia.shared.CurrentActor;
import org.custodia.shared.CustodiaException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the player needs of a recording: which file to play (the original, or its browser proxy), its
 * poster and seek frames, what was derived from it, and its ledger history; and the requests for clips
 * and watermarked copies. Every picture of the footage follows the playback decision.
 */
@RestController
@RequestMapping("/api/v1/recordings/{id}")
class PlaybackApiController {

	/**
	 * The file the player plays: {@code kind} is {@code original} or {@code proxy}; the proxy's state, and
	 * when it failed its problem, with the code the page explains.
	 */
	record Source(String url, String kind, String contentType, String proxyState, String problem, String problemCode) {
	}

	record PlaybackView(Recording recording, Source source, List<DerivedCopy> derived, List<LedgerEntry> history) {
	}

	record ClipRequest(Double fromSeconds, Double toSeconds) {
	}

	/** A copy for an approved request: {@code use} is {@code COPY} (the default) or {@code PRINT} (a still at {@code atSeconds}). */
	record CopyRequest(UUID requestId, String use, Double atSeconds) {
	}

	private final Playback playback;

	private final StripFrames strips;

	PlaybackApiController(Playback playback, StripFrames strips) {
		this.strips = strips;
		this.playback = playback;
	}

	@GetMapping("/playback")
	PlaybackView playback(@PathVariable UUID id) {
		Actor actor = CurrentActor.get();
		Recording recording = playback.viewable(actor, id);
		List<DerivedCopy> derived = playback.derivedOf(actor, id);
		return new PlaybackView(recording, source(recording, derived), derived, playback.history(recording, derived));
	}

	static Source source(Recording recording, List<DerivedCopy> derived) {
		String original = "/api/v1/recordings/" + recording.id() + "/content";
		if (DerivedCopies.playsInBrowser(recording.asOriginal())
				|| derived.stream().anyMatch(copy -> copy.kind() == DerivedCopy.Kind.PROXY && copy.sameAsOriginal())) {
			return new Source(original, "original", DerivedCopies.browserType(recording.asOriginal()), null, null, null);
		}
		Optional<DerivedCopy> proxy = derived.stream().filter(copy -> copy.kind() == DerivedCopy.Kind.PROXY).findFirst();
		if (proxy.isPresent() && proxy.get().state() == DerivedCopy.State.READY) {
			return new Source(original.replace("/content", "/derived/" + proxy.get().id() + "/content"), "proxy",
					proxy.get().contentType(), DerivedCopy.State.READY.name(), null, null);
		}
		return new Source(original, "original", recording.contentType(),
				proxy.map(copy -> copy.state().name()).orElse("NONE"), proxy.map(DerivedCopy::problem).orElse(null),
				proxy.map(DerivedCopy::problemCode).orElse(null));
	}

	/** The poster frame, under the same rule as the picture itself ({@link Playback#viewable}). */
	@GetMapping(value = "/poster", produces = MediaType.IMAGE_JPEG_VALUE)
	ResponseEntity<Resource> poster(@PathVariable UUID id) {
		return playback.poster(CurrentActor.get(), id)
			.<ResponseEntity<Resource>>map(file -> ResponseEntity.ok()
				.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
				.body(new FileSystemResource(file)))
			.orElseThrow(() -> CustodiaException.notFound("error.poster-not-found", id));
	}

	/** One frame of the strip the player seeks by (a small JPEG), made from the original when first asked for. */
	@GetMapping(value = "/strip/{index}", produces = MediaType.IMAGE_JPEG_VALUE)
	ResponseEntity<Resource> strip(@PathVariable UUID id, @PathVariable int index) {
		Actor actor = CurrentActor.get();
		Recording recording = playback.viewable(actor, id);
		Long duration = recording.media() == null ? null : recording.media().durationMillis();
		Playable original = playback.original(actor, id);
		return strips.frame(recording.sha256(), original.file(), duration == null ? 0 : duration, index)
			.<ResponseEntity<Resource>>map(file -> ResponseEntity.ok()
				.header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
				.body(new FileSystemResource(file)))
			.orElseThrow(() -> CustodiaException.notFound("error.strip-frame", index));
	}

	@GetMapping("/derived")
	List<DerivedCopy> derived(@PathVariable UUID id) {
		return playback.derivedOf(CurrentActor.get(), id);
	}

	@PostMapping("/proxy")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Optional<DerivedCopy> proxy(@PathVariable UUID id) {
		return playback.proxy(CurrentActor.get(), id);
	}

	@PostMapping("/clips")
	@ResponseStatus(HttpStatus.ACCEPTED)
	DerivedCopy clip(@PathVariable UUID id, @RequestBody ClipRequest request) {
		if (request.fromSeconds() == null || request.toSeconds() == null) {
			throw CustodiaException.badRequest("error.clip-range", request.fromSeconds(), request.toSeconds());
		}
		return playback.clip(CurrentActor.get(), id, Math.round(request.fromSeconds() * 1000),
				Math.round(request.toSeconds() * 1000));
	}

	@PostMapping("/watermarked")
	@ResponseStatus(HttpStatus.ACCEPTED)
	DerivedCopy watermarked(@PathVariable UUID id, @RequestBody CopyRequest request) {
		AccessMatrix.Use use = request.use() == null ? AccessMatrix.Use.COPY : AccessMatrix.Use.fromCode(request.use())
			.filter(found -> found == AccessMatrix.Use.COPY || found == AccessMatrix.Use.PRINT)
			.orElseThrow(() -> CustodiaException.badRequest("error.access-use-unknown", request.use()));
		return playback.copyFor(CurrentActor.get(), id, request.requestId(), use,
				request.atSeconds() == null ? null : Math.round(request.atSeconds() * 1000));
	}
}
