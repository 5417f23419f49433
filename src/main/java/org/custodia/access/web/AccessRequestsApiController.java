package org.custodia.access.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

import org.custodia.access.AccessRequest;
import org.custodia.access.AccessRequestDocuments;
import org.custodia.access.AccessRequestEnds;
import org.custodia.access.AccessRequestQueries;
import org.custodia.access.AccessRequests;
import org.custodia.access.Playback;
import org.custodia.media.DerivedCopy;
import org.custodia.policy.AccessMatrix;
import org.custodia.shared.Actor;
import org.custodia.shared.CurrentActor;
import org.custodia.shared.CustodiaException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Access requests over REST: entry, documents, decision, withdrawal, fulfilment and the copies made for them. */
@RestController
class AccessRequestsApiController {

	/** A note given with a withdrawal or a fulfilment. */
	record Note(String note) {
	}

	/** A copy for the request: {@code use} COPY (a watermarked copy) or PRINT (a still at {@code atSeconds}). */
	record CopyAsked(UUID recordingId, String use, Double atSeconds) {
	}

	private final AccessRequests requests;

	private final AccessRequestQueries queries;

	private final AccessRequestDocuments documents;

	private final AccessRequestEnds ends;

	private final Playback playback;

	AccessRequestsApiController(AccessRequests requests, AccessRequestQueries queries, AccessRequestDocuments documents,
			AccessRequestEnds ends, Playback playback) {
		this.requests = requests;
		this.queries = queries;
		this.documents = documents;
		this.ends = ends;
		this.playback = playback;
	}

	@PostMapping("/api/v1/access-requests")
	@ResponseStatus(HttpStatus.CREATED)
	AccessRequest submit(@RequestBody AccessRequests.NewRequest request) {
		return requests.submit(CurrentActor.get(), request);
	}

	@GetMapping("/api/v1/access-requests")
	List<AccessRequest> list(@RequestParam(required = false) String agency, @RequestParam(required = false) String state,
			@RequestParam(required = false, defaultValue = "false") boolean inbox) {
		Actor actor = CurrentActor.get();
		String code = actor.agencyOf(agency);
		if (inbox) {
			return queries.inbox(actor, code);
		}
		return queries.list(actor, code, state == null || state.isBlank() ? null : state(state));
	}

	@GetMapping("/api/v1/access-requests/{id}")
	AccessRequest get(@PathVariable UUID id) {
		return queries.get(CurrentActor.get(), id);
	}

	@PostMapping(value = "/api/v1/access-requests/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	AccessRequest attach(@PathVariable UUID id, @RequestParam String kind, @RequestParam("file") MultipartFile file) {
		try (InputStream content = file.getInputStream()) {
			return documents.attach(CurrentActor.get(), id, kind, file.getOriginalFilename(), file.getContentType(),
					file.getSize(), content);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@GetMapping("/api/v1/access-requests/documents/{documentId}")
	ResponseEntity<InputStreamResource> document(@PathVariable UUID documentId) {
		AccessRequestDocuments.Document document = documents.document(CurrentActor.get(), documentId);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(document.document().originalName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.contentType(document.document().contentType() == null ? MediaType.APPLICATION_OCTET_STREAM
					: MediaType.parseMediaType(document.document().contentType()))
			.contentLength(document.document().size())
			.body(new InputStreamResource(document.content()));
	}

	@PostMapping("/api/v1/access-requests/{id}/decision")
	AccessRequest decide(@PathVariable UUID id, @RequestBody AccessRequests.NewDecision decision) {
		return requests.decide(CurrentActor.get(), id, decision);
	}

	@PostMapping("/api/v1/access-requests/{id}/withdrawal")
	AccessRequest withdraw(@PathVariable UUID id, @RequestBody(required = false) Note note) {
		return ends.withdraw(CurrentActor.get(), id, note == null ? null : note.note());
	}

	@PostMapping("/api/v1/access-requests/{id}/fulfilment")
	AccessRequest fulfil(@PathVariable UUID id, @RequestBody(required = false) Note note) {
		return ends.fulfil(CurrentActor.get(), id, note == null ? null : note.note());
	}

	/** A watermarked copy or still of one of the request's recordings, made for it and registered. */
	@PostMapping("/api/v1/access-requests/{id}/copies")
	@ResponseStatus(HttpStatus.ACCEPTED)
	DerivedCopy copy(@PathVariable UUID id, @RequestBody CopyAsked asked) {
		if (asked.recordingId() == null) {
			throw CustodiaException.badRequest("error.access-no-recordings");
		}
		AccessMatrix.Use use = asked.use() == null ? AccessMatrix.Use.COPY : AccessMatrix.Use.fromCode(asked.use())
			.filter(found -> found == AccessMatrix.Use.COPY || found == AccessMatrix.Use.PRINT)
			.orElseThrow(() -> CustodiaException.badRequest("error.access-use-unknown", asked.use()));
		return playback.copyFor(CurrentActor.get(), asked.recordingId(), id, use,
				asked.atSeconds() == null ? null : Math.round(asked.atSeconds() * 1000));
	}

	static AccessRequest.State state(String state) {
		try {
			return AccessRequest.State.valueOf(state.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException e) {
			throw CustodiaException.badRequest("error.access-state-unknown", state);
		}
	}
}
