package org.custodia.media;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEvent;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Requests copies derived from originals (browser proxies, clips, watermarked copies and stills) and makes them in the background. */
@Component
public class DerivedCopies {

	private static final int BATCH = 20;

	private static final DateTimeFormatter WATERMARK_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final DerivedCopyRepository copies;

	private final DerivedCopyWork work;

	private final Ledger ledger;

	private final Clock clock;

	private final MessageSource messages;

	DerivedCopies(DerivedCopyRepository copies, DerivedCopyWork work, Ledger ledger, Clock clock, MessageSource messages) {
		this.copies = copies;
		this.work = work;
		this.ledger = ledger;
		this.clock = clock;
		this.messages = messages;
	}

	/** Whether the browsers' own player plays the original as it is, so that it needs no proxy. */
	public static boolean playsInBrowser(OriginalRef original) {
		return BrowserFormats.play(original);
	}

	/**
	 * The type to serve the original with so that the browser plays it: what its content is, which may not
	 * be what its name says; the type recorded at import where it does not play as it is.
	 */
	public static String browserType(OriginalRef original) {
		String served = BrowserFormats.servedType(original);
		return served == null ? original.contentType() : served;
	}

	/**
	 * The original's browser proxy as it stands (a failed one too: it is not retried by itself), a new
	 * one waiting to be made, or empty when the original plays as it is.
	 */
	@Transactional
	public Optional<DerivedCopy> proxyFor(Actor actor, OriginalRef original) {
		checkAgency(actor, original);
		if (playsInBrowser(original)) {
			return Optional.empty();
		}
		Optional<DerivedCopy> existing = copies.latest(original.recordingId(), DerivedCopy.Kind.PROXY);
		if (existing.isPresent()) {
			return existing;
		}
		return Optional.of(request(actor, original, DerivedCopy.Kind.PROXY, null, null, null, null, null,
				"media.proxy-requested"));
	}

	/** Requests the span {@code [fromMillis, toMillis)} of an original whose length is not known as a clip. */
	@Transactional
	public DerivedCopy requestClip(Actor actor, OriginalRef original, long fromMillis, long toMillis) {
		return requestClip(actor, original, fromMillis, toMillis, null);
	}

	/**
	 * Requests the span {@code [fromMillis, toMillis)} of the original as a clip; a span that ends before it starts
	 * or lies outside the recording ({@code durationMillis} long, when known) is refused with the rule.
	 */
	@Transactional
	public DerivedCopy requestClip(Actor actor, OriginalRef original, long fromMillis, long toMillis, Long durationMillis) {
		checkAgency(actor, original);
		ClipSpans.check(fromMillis, toMillis, durationMillis);
		return request(actor, original, DerivedCopy.Kind.CLIP, fromMillis, toMillis, null, null, null,
				"media.clip-requested");
	}

	/** Requests a copy with who made it, for whom, when and on which request burned into every picture. */
	@Transactional
	public DerivedCopy requestWatermarked(Actor actor, OriginalRef original, String madeFor, String requestRef) {
		checkAgency(actor, original);
		String recipient = recipient(madeFor);
		String ref = requestRef(requestRef);
		return request(actor, original, DerivedCopy.Kind.WATERMARKED, null, null, recipient, ref,
				watermark(actor, original, recipient, ref), "media.watermark-requested");
	}

	/**
	 * Requests a still picture of the frame on screen at {@code atMillis} (the last frame when the video ends
	 * before), watermarked like a copy because a printed still is one.
	 */
	@Transactional
	public DerivedCopy requestStill(Actor actor, OriginalRef original, long atMillis, String madeFor, String requestRef) {
		checkAgency(actor, original);
		if (atMillis < 0) {
			throw CustodiaException.badRequest("error.still-time", atMillis);
		}
		String recipient = recipient(madeFor);
		String ref = requestRef(requestRef);
		return request(actor, original, DerivedCopy.Kind.STILL, atMillis, null, recipient, ref,
				watermark(actor, original, recipient, ref), "media.still-requested");
	}

	private static String recipient(String madeFor) {
		if (madeFor == null || madeFor.isBlank() || madeFor.strip().length() > 200) {
			throw CustodiaException.badRequest("error.watermark-for");
		}
		return madeFor.strip();
	}

	private static String requestRef(String requestRef) {
		String ref = requestRef == null || requestRef.isBlank() ? null : requestRef.strip();
		if (ref != null && ref.length() > 100) {
			throw CustodiaException.badRequest("error.invalid-fields", "requestRef");
		}
		return ref;
	}

	private String watermark(Actor actor, OriginalRef original, String recipient, String ref) {
		String time = WATERMARK_TIME.format(clock.instant().atZone(clock.getZone()));
		// burned into the picture in the agencies' language, whatever language the requester reads
		return messages.getMessage("media.watermark", new Object[] { actor.username(), recipient, time,
				ref == null ? "—" : ref, original.sha256().substring(0, Math.min(12, original.sha256().length())) },
				Locale.SIMPLIFIED_CHINESE);
	}

	@Transactional(readOnly = true)
	public List<DerivedCopy> of(UUID recordingId) {
		return copies.of(recordingId);
	}

	@Transactional(readOnly = true)
	public Optional<DerivedCopy> byId(UUID id) {
		return copies.find(id).map(DerivedCopyRepository.Work::copy);
	}

	/**
	 * Marks the recording's copies disposed of with their original (RET-1), in the disposal's transaction, which writes
	 * its ledger entry; returns them as they were, so their files can be removed after the commit. A copy waiting to be
	 * made is never made any more.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public List<DerivedCopy> disposeWith(UUID recordingId, UUID disposalId, java.time.Instant at) {
		return copies.disposed(recordingId, disposalId, at);
	}

	/** Whether a copy still kept (not disposed of) names this store key: such a file must never be removed. */
	@Transactional(readOnly = true)
	public boolean keptUnder(String key) {
		return copies.keptUnder(key);
	}

	/** Makes every waiting copy, one after another; returns how many ended READY or FAILED. */
	public int workPending() {
		int finished = 0;
		for (List<UUID> batch = copies.pending(BATCH); !batch.isEmpty(); batch = copies.pending(BATCH)) {
			int before = finished;
			for (UUID id : batch) {
				finished += work.make(id) ? 1 : 0;
			}
			if (finished == before) {
				// other workers took them all; they record the results
				break;
			}
		}
		return finished;
	}

	private DerivedCopy request(Actor actor, OriginalRef original, DerivedCopy.Kind kind, Long from, Long to,
			String madeFor, String requestRef, String watermarkText, String action) {
		DerivedCopy copy = new DerivedCopy(UUID.randomUUID(), original.recordingId(), original.agency(), kind,
				DerivedCopy.State.PENDING, null, null, null, null, from, to, null, null, actor.username(), madeFor, requestRef,
				null, clock.instant(), null);
		if (!copies.insert(copy, original, watermarkText)) {
			// another request made the recording's proxy a moment ago: that one is the proxy, and its request
			// is the one in the ledger
			return copies.latest(original.recordingId(), kind).orElseThrow();
		}
		Map<String, Object> payload = new java.util.LinkedHashMap<>();
		payload.put("kind", kind.name());
		payload.put("recordingId", original.recordingId().toString());
		payload.put("originalSha256", original.sha256());
		if (kind == DerivedCopy.Kind.STILL) {
			payload.put("atMillis", from);
		}
		else if (from != null) {
			payload.put("fromMillis", from);
			payload.put("toMillis", to);
		}
		if (madeFor != null) {
			payload.put("madeFor", madeFor);
			payload.put("watermark", watermarkText);
		}
		if (requestRef != null) {
			payload.put("requestRef", requestRef);
		}
		ledger.append(LedgerEvent.by(actor, original.agency(), action, "derived-copy", copy.id().toString(), payload));
		return copy;
	}

	/** Tenant isolation: copies are made only of originals of the requester's own agency. */
	private static void checkAgency(Actor actor, OriginalRef original) {
		if (!actor.belongsTo(original.agency())) {
			throw CustodiaException.forbidden("rule.tenant-isolation", org.custodia.policy.PolicyDecisions.TENANT_ISOLATION);
		}
	}
}
