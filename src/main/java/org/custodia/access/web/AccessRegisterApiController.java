package org.custodia.access.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.custodia.access.AccessRegister;
import org.custodia.access.AccessRegisterEntry;
import org.custodia.shared.Actor;
import org.custodia.shared.CurrentActor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The access register (查阅登记簿) over REST: as JSON, as CSV ({@code format=csv}) and as the printed register
 * ({@code format=pdf}). {@code from} and {@code to} are
 * days in the agency's zone, both included.
 */
@RestController
class AccessRegisterApiController {

	private final AccessRegister register;

	private final Clock clock;

	AccessRegisterApiController(AccessRegister register, Clock clock) {
		this.register = register;
		this.clock = clock;
	}

	@GetMapping(value = "/api/v1/access-register", params = "!format")
	List<AccessRegisterEntry> json(@RequestParam(required = false) String agency,
			@RequestParam(required = false) UUID recording, @RequestParam(required = false) UUID person,
			@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			@RequestParam(required = false) String q) {
		Actor actor = CurrentActor.get();
		return register.search(actor, actor.agencyOf(agency), query(recording, person, from, to, q));
	}

	@GetMapping(value = "/api/v1/access-register", params = "format=csv")
	ResponseEntity<byte[]> csv(@RequestParam(required = false) String agency,
			@RequestParam(required = false) UUID recording, @RequestParam(required = false) UUID person,
			@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			@RequestParam(required = false) String q) {
		Actor actor = CurrentActor.get();
		byte[] csv = register.csv(actor, actor.agencyOf(agency), query(recording, person, from, to, q))
			.getBytes(StandardCharsets.UTF_8);
		return file(csv, "text/csv;charset=UTF-8", "查阅登记簿.csv");
	}

	@GetMapping(value = "/api/v1/access-register", params = "format=pdf")
	ResponseEntity<byte[]> pdf(@RequestParam(required = false) String agency,
			@RequestParam(required = false) UUID recording, @RequestParam(required = false) UUID person,
			@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			@RequestParam(required = false) String q) {
		Actor actor = CurrentActor.get();
		return file(register.pdf(actor, actor.agencyOf(agency), query(recording, person, from, to, q)),
				MediaType.APPLICATION_PDF_VALUE, "查阅登记簿.pdf");
	}

	private AccessRegister.Query query(UUID recording, UUID person, LocalDate from, LocalDate to, String text) {
		return query(recording, person, from, to, text, clock.getZone());
	}

	/** A search by days in the agency's zone, both included. */
	static AccessRegister.Query query(UUID recording, UUID person, LocalDate from, LocalDate to, String text,
			java.time.ZoneId zone) {
		Instant start = from == null ? null : from.atStartOfDay(zone).toInstant();
		Instant end = to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
		return new AccessRegister.Query(recording, person, start, end, text);
	}

	static ResponseEntity<byte[]> file(byte[] bytes, String type, String name) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.contentType(MediaType.parseMediaType(type))
			.body(bytes);
	}
}
