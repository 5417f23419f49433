package org.custodia.preservation;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEntry;
import org.custodia.media.DerivedCopies;
import org.custodia.media.DerivedCopy;
import org.custodia.media.MediaFacts;
import org.custodia.media.MediaReading;
import org.custodia.policy.Action;
import org.custodia.policy.Decision;
import org.custodia.policy.PolicyDecisions;
import org.custodia.preservation.FourCheck.Cite;
import org.custodia.preservation.FourCheck.Kind;
import org.custodia.preservation.FourCheck.Result;
import org.custodia.preservation.FourCheck.Term;
import org.custodia.preservation.FourCheck.Terms;
import org.custodia.recording.Recording;
import org.custodia.shared.Role;
import org.custodia.storage.BlobStore;
import org.springframework.stereotype.Component;

/**
 * Whether a recording can be used (the media reader opens it and finds its length; a browser plays it or its proxy)
 * and is kept safe (its file read-only, its agency's policy letting nobody watch or copy without approval, each
 * derived copy naming the hash of its original).
 */
@Component
class UsabilityAndSecurity {

	/** The entry that records a derived copy made, naming its original's hash ({@code DerivedCopyWork}). */
	static final String DERIVED_MADE = "media.derived-made";

	/** What the policy must let nobody do at once: watching and copying go through an approved request. */
	static final List<Action> GUARDED = List.of(Action.PLAY_BACK, Action.MAKE_WATERMARKED_COPY);

	private final BlobStore store;

	private final MediaReading media;

	private final DerivedCopies derived;

	private final PolicyDecisions decisions;

	private final Ledger ledger;

	UsabilityAndSecurity(BlobStore store, MediaReading media, DerivedCopies derived, PolicyDecisions decisions,
			Ledger ledger) {
		this.store = store;
		this.media = media;
		this.derived = derived;
		this.decisions = decisions;
		this.ledger = ledger;
	}

	List<FourCheck> check(Recording recording) {
		List<DerivedCopy> copies = derived.of(recording.id());
		List<FourCheck> checks = new ArrayList<>();
		checks.add(readable(recording));
		checks.add(playable(recording, copies));
		checks.add(readOnly(recording));
		checks.add(policy(recording.agency()));
		checks.add(derivedCopies(recording, copies));
		return checks;
	}

	private FourCheck readable(Recording recording) {
		Optional<Path> file = store.localFile(recording.blobKey());
		if (file.isEmpty()) {
			return store.exists(recording.blobKey()) ? FourCheck.of(Kind.READABLE, Result.WARN, "not-local")
					: FourCheck.of(Kind.READABLE, Result.FAIL, "media-missing");
		}
		MediaFacts facts;
		try {
			facts = media.probe(file.get());
		}
		catch (UncheckedIOException e) {
			return FourCheck.of(Kind.READABLE, Result.FAIL, "media-unreadable", new Term("four.media-problem.io"));
		}
		if (!facts.readable()) {
			return FourCheck.of(Kind.READABLE, Result.FAIL, "media-unreadable", new Term("four.media-problem." + facts.problem()));
		}
		if (!recording.isVideoOrAudio()) {
			return facts.width() == null ? FourCheck.of(Kind.READABLE, Result.PASS, "image-readable-plain")
					: FourCheck.of(Kind.READABLE, Result.PASS, "image-readable", facts.width().toString(),
							String.valueOf(facts.height()));
		}
		Long duration = facts.durationMillis();
		if (duration == null || duration <= 0) {
			return FourCheck.of(Kind.READABLE, Result.FAIL, "no-duration");
		}
		return FourCheck.of(Kind.READABLE, Result.PASS, "media-readable", org.custodia.shared.HumanUnits.clock(duration),
				new Terms(streams(facts)));
	}

	private static List<String> streams(MediaFacts facts) {
		List<String> streams = new ArrayList<>();
		if (facts.videoCodec() != null) {
			streams.add("four.stream.video");
		}
		if (facts.audioCodec() != null) {
			streams.add("four.stream.audio");
		}
		return streams;
	}

	private static FourCheck playable(Recording recording, List<DerivedCopy> copies) {
		if (DerivedCopies.playsInBrowser(recording.asOriginal())) {
			return FourCheck.of(Kind.PLAYS_IN_BROWSER, Result.PASS, "plays-natively");
		}
		Optional<DerivedCopy> proxy = copies.stream().filter(copy -> copy.kind() == DerivedCopy.Kind.PROXY)
			.reduce((first, later) -> later);
		if (proxy.isEmpty()) {
			return FourCheck.of(Kind.PLAYS_IN_BROWSER, Result.WARN, "proxy-none");
		}
		return switch (proxy.get().state()) {
			case READY -> FourCheck.of(Kind.PLAYS_IN_BROWSER, Result.PASS, "proxy-ready", String.valueOf(proxy.get().sha256()));
			case PENDING, WORKING -> FourCheck.of(Kind.PLAYS_IN_BROWSER, Result.WARN, "proxy-pending");
			case FAILED -> FourCheck.of(Kind.PLAYS_IN_BROWSER, Result.FAIL, "proxy-failed",
					new Term("media.problem." + proxy.get().problemCode()));
		};
	}

	private FourCheck readOnly(Recording recording) {
		Optional<String> permissions = store.permissions(recording.blobKey());
		if (permissions.isEmpty()) {
			return store.exists(recording.blobKey()) ? FourCheck.of(Kind.READ_ONLY, Result.WARN, "permissions-unknown")
					: FourCheck.of(Kind.READ_ONLY, Result.FAIL, "media-missing");
		}
		return permissions.get().indexOf('w') < 0 ? FourCheck.of(Kind.READ_ONLY, Result.PASS, "read-only", permissions.get())
				: FourCheck.of(Kind.READ_ONLY, Result.FAIL, "writable", permissions.get());
	}

	private FourCheck policy(String agency) {
		List<String> cites = new ArrayList<>();
		for (Action action : GUARDED) {
			Set<Role> allowed = EnumSet.noneOf(Role.class);
			String allowingCite = null;
			for (Role role : Role.values()) {
				Decision decision = decisions.decideFor(agency, Set.of(role), action);
				if (decision.isAllowed()) {
					allowed.add(role);
					allowingCite = decision.citation();
				}
			}
			if (!allowed.isEmpty()) {
				return FourCheck.of(Kind.ACCESS_POLICY, Result.FAIL, "policy-open",
						new Terms(allowed.stream().map(role -> "role." + role.code()).toList()),
						new Term("action." + action.code()), new Cite(allowingCite));
			}
			// the agency's own rule, as an officer meets it (the administrator is refused by separation of duties)
			String cite = decisions.decideFor(agency, Set.of(Role.OFFICER), action).citation();
			if (!cites.contains(cite)) {
				cites.add(cite);
			}
		}
		return FourCheck.of(Kind.ACCESS_POLICY, Result.PASS, "policy-closed", new Cite(String.join("; ", cites)));
	}

	private FourCheck derivedCopies(Recording recording, List<DerivedCopy> copies) {
		List<DerivedCopy> made = copies.stream().filter(copy -> copy.state() == DerivedCopy.State.READY).toList();
		if (made.isEmpty()) {
			return FourCheck.of(Kind.DERIVED_COPIES, Result.PASS, "derived-none");
		}
		for (DerivedCopy copy : made) {
			Object named = ledger.describing(recording.agency(), copy.id().toString(), Set.of(DERIVED_MADE)).stream()
				.findFirst().map(LedgerEntry::payload).map(payload -> payload.get("originalSha256")).orElse(null);
			if (copy.sha256() == null || !recording.sha256().equals(named)) {
				return FourCheck.of(Kind.DERIVED_COPIES, Result.FAIL, "derived-unnamed",
						new Term("four.derived." + copy.kind().name().toLowerCase(java.util.Locale.ROOT)),
						String.valueOf(copy.sha256()), String.valueOf(named), recording.sha256());
			}
		}
		return FourCheck.of(Kind.DERIVED_COPIES, Result.PASS, "derived-named", Integer.toString(made.size()),
				recording.sha256());
	}
}
