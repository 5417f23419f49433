package org.custodia.access.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.custodia.access.Playable;
import org.custodia.access.Playback;
import org.custodia.access.Viewings;
import org.custodia.shared.Actor;
import org.custodia.shared.CurrentActor;
import org.custodia.shared.CustodiaException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Streams a recording to those who may play it back, in byte ranges (seek anywhere: {@code 206},
 * {@code If-Range}, {@code HEAD}, {@code 416}). Tomcat sends the bytes from the file itself (sendfile)
 * where it can; the original is only ever opened for reading.
 */
@RestController
@RequestMapping("/api/v1/recordings/{id}")
class ContentController {

	private static final String SENDFILE = "org.apache.tomcat.sendfile.";

	private final Playback playback;

	private final Viewings viewings;

	ContentController(Playback playback, Viewings viewings) {
		this.playback = playback;
		this.viewings = viewings;
	}

	@RequestMapping(value = "/content", method = { RequestMethod.GET, RequestMethod.HEAD })
	void original(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response) throws IOException {
		Actor actor = CurrentActor.get();
		stream(actor, playback.original(actor, id), request, response);
	}

	@RequestMapping(value = "/derived/{derivedId}/content", method = { RequestMethod.GET, RequestMethod.HEAD })
	void derived(@PathVariable UUID id, @PathVariable UUID derivedId, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		Actor actor = CurrentActor.get();
		stream(actor, playback.derived(actor, id, derivedId), request, response);
	}

	/** What the page's player reports as played, in seconds: kept with the viewing session. */
	record Played(String object, String ranges) {
	}

	@PostMapping("/played")
	Map<String, Object> played(@PathVariable UUID id, @RequestBody Played played) {
		Actor actor = CurrentActor.get();
		Playable playable = played.object() == null || played.object().equals("original") ? playback.original(actor, id)
				: playback.derived(actor, id, UUID.fromString(played.object()));
		viewings.played(actor, playable, played.ranges());
		return Map.of("recorded", true);
	}

	private void stream(Actor actor, Playable playable, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
		response.setHeader(HttpHeaders.ETAG, playable.etag());
		response.setDateHeader(HttpHeaders.LAST_MODIFIED, playable.lastModified().toEpochMilli());
		// Footage stays out of the browser's disk cache on a shared office computer.
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
		response.setContentType(playable.contentType() == null ? "application/octet-stream" : playable.contentType());
		ByteRange.Wanted wanted = wanted(request, playable);
		long start = 0;
		long length = playable.size();
		if (wanted instanceof ByteRange.Unsatisfiable || wanted instanceof ByteRange.Invalid) {
			response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + playable.size());
			throw new CustodiaException(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
					wanted instanceof ByteRange.Invalid ? "error.range-invalid" : "error.range-not-satisfiable", null,
					Map.of(), String.valueOf(playable.size()));
		}
		if (wanted instanceof ByteRange.Part part) {
			start = part.range().start();
			length = part.range().length();
			response.setStatus(HttpStatus.PARTIAL_CONTENT.value());
			response.setHeader(HttpHeaders.CONTENT_RANGE,
					"bytes " + part.range().start() + "-" + part.range().end() + "/" + playable.size());
		}
		else {
			response.setStatus(HttpStatus.OK.value());
		}
		response.setContentLengthLong(length);
		if ("HEAD".equals(request.getMethod()) || length == 0) {
			return;
		}
		viewings.served(actor, playable, start, start + length);
		if (Boolean.TRUE.equals(request.getAttribute(SENDFILE + "support"))) {
			request.setAttribute(SENDFILE + "filename", playable.file().toAbsolutePath().toString());
			request.setAttribute(SENDFILE + "start", start);
			request.setAttribute(SENDFILE + "end", start + length);
			return;
		}
		try (FileChannel file = FileChannel.open(playable.file(), StandardOpenOption.READ)) {
			OutputStream out = response.getOutputStream();
			WritableByteChannel channel = Channels.newChannel(out);
			long sent = 0;
			while (sent < length) {
				sent += file.transferTo(start + sent, length - sent, channel);
			}
			out.flush();
		}
	}

	/**
	 * What the request's Range fields ask for, when its If-Range allows a range at all. A field the
	 * security firewall refuses to hand out (control or non-ASCII characters) is no valid range either:
	 * the player gets the same 416 problem as for any other broken Range, not an error page.
	 */
	static ByteRange.Wanted wanted(HttpServletRequest request, Playable playable) {
		try {
			if (!ifRangeHolds(request.getHeader(HttpHeaders.IF_RANGE), playable)) {
				return new ByteRange.Whole();
			}
			return ByteRange.of(java.util.Collections.list(request.getHeaders(HttpHeaders.RANGE)), playable.size());
		}
		catch (RequestRejectedException e) {
			return new ByteRange.Invalid();
		}
	}

	/** Whether a Range may be honoured: no If-Range, or one naming this very file (RFC 9110 §13.1.5). */
	static boolean ifRangeHolds(String ifRange, Playable playable) {
		if (ifRange == null) {
			return true;
		}
		String value = ifRange.trim();
		if (value.startsWith("\"") || value.startsWith("W/")) {
			return value.equals(playable.etag());
		}
		try {
			Instant date = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			return date.getEpochSecond() == playable.lastModified().getEpochSecond();
		}
		catch (DateTimeParseException e) {
			return false;
		}
	}
}
