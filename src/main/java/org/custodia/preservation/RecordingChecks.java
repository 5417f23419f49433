package org.custodia.preservation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.custodia.activity.RecordingActivities;
import org.custodia.ledger.Disagreement;
import org.custodia.ledger.EntryInclusion;
import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEntry;
import org.custodia.preservation.FourCheck.Kind;
import org.custodia.preservation.FourCheck.Result;
import org.custodia.preservation.FourCheck.Term;
import org.custodia.recording.Recording;
import org.custodia.recording.RecordingRegister;
import org.custodia.storage.StoredCopies;
import org.springframework.stereotype.Component;

/**
 * The checks of one recording, read from its disks, the ledger and the media reader: authenticity and integrity
 * here, usability and security in {@link UsabilityAndSecurity}. Holds no rule of who may ask: {@link FourChecks} does.
 */
@Component
class RecordingChecks {

	/** The action of a recording's import entry ({@code RecordingRegister.imported}). */
	static final String INGESTED = "recording.ingested";

	private final StoredCopies copies;

	private final Ledger ledger;

	private final EntryInclusion inclusion;

	private final RecordingRegister register;

	private final RecordingActivities activities;

	private final UsabilityAndSecurity usabilityAndSecurity;

	private final Clock clock;

	RecordingChecks(StoredCopies copies, Ledger ledger, EntryInclusion inclusion, RecordingRegister register,
			RecordingActivities activities, UsabilityAndSecurity usabilityAndSecurity, Clock clock) {
		this.copies = copies;
		this.ledger = ledger;
		this.inclusion = inclusion;
		this.register = register;
		this.activities = activities;
		this.usabilityAndSecurity = usabilityAndSecurity;
		this.clock = clock;
	}

	RecordingCheck check(Recording recording) {
		List<FourCheck> checks = new ArrayList<>();
		StoredCopies.CopyCheck read = copies.check(recording.blobKey(), recording.sm3());
		Optional<LedgerEntry> ingested = ledger.describing(recording.agency(), recording.id().toString(), Set.of(INGESTED))
			.stream().findFirst();
		checks.add(hashAtIngest(recording, read.primary(), ingested));
		if (recording.sm3() != null) {
			checks.add(sm3(recording, read.primary()));
		}
		checks.addAll(agreement(recording, ingested));
		checks.add(inclusion(ingested));
		checks.add(copy(Kind.PRIMARY_COPY, read.primary(), recording.sha256()));
		checks.add(read.second().map(second -> copy(Kind.SECOND_COPY, second, recording.sha256()))
			.orElseGet(() -> FourCheck.of(Kind.SECOND_COPY, Result.WARN, "no-second-copy")));
		checks.add(size(recording, read.primary()));
		checks.add(metadata(recording));
		checks.addAll(usabilityAndSecurity.check(recording));
		return new RecordingCheck(recording.id(), recording.agency(), recording.originalName(), recording.sha256(),
				recording.size(), clock.instant(), List.copyOf(checks));
	}

	private static FourCheck hashAtIngest(Recording recording, StoredCopies.Copy primary, Optional<LedgerEntry> ingested) {
		if (ingested.isEmpty()) {
			return FourCheck.of(Kind.SHA256_AT_INGEST, Result.FAIL, "hash-no-entry", recording.sha256());
		}
		Object atIngest = ingested.get().payload().get("sha256");
		String sequence = Long.toString(ingested.get().sequence());
		if (primary.sha256() == null) {
			return FourCheck.of(Kind.SHA256_AT_INGEST, Result.FAIL, "hash-unread", place(primary), state(primary),
					String.valueOf(atIngest), sequence);
		}
		if (!primary.sha256().equals(atIngest) || !primary.sha256().equals(recording.sha256())) {
			return FourCheck.of(Kind.SHA256_AT_INGEST, Result.FAIL, "hash-differs", primary.sha256(),
					String.valueOf(atIngest), sequence, recording.sha256());
		}
		return FourCheck.of(Kind.SHA256_AT_INGEST, Result.PASS, "hash-ok", primary.sha256(), sequence);
	}

	private static FourCheck sm3(Recording recording, StoredCopies.Copy primary) {
		if (primary.sm3() == null) {
			return FourCheck.of(Kind.SM3_MATCHES, Result.FAIL, "sm3-unread", place(primary), state(primary), recording.sm3());
		}
		return primary.sm3().equals(recording.sm3()) ? FourCheck.of(Kind.SM3_MATCHES, Result.PASS, "sm3-ok", primary.sm3())
				: FourCheck.of(Kind.SM3_MATCHES, Result.FAIL, "sm3-differs", primary.sm3(), recording.sm3());
	}

	private List<FourCheck> agreement(Recording recording, Optional<LedgerEntry> ingested) {
		List<Disagreement> disagreements = register.disagreementsWithLedger(recording);
		if (disagreements.isEmpty()) {
			return List.of(FourCheck.of(Kind.AGREES_WITH_LEDGER, Result.PASS, "ledger-agrees",
					ingested.map(entry -> Long.toString(entry.sequence())).orElse("—")));
		}
		if (ingested.isEmpty()) {
			return List.of(FourCheck.of(Kind.AGREES_WITH_LEDGER, Result.FAIL, "ledger-no-entry"));
		}
		return disagreements.stream()
			.map(found -> FourCheck.of(Kind.AGREES_WITH_LEDGER, Result.FAIL, "ledger-disagrees",
					new Term("ledger.field." + found.field()), String.valueOf(found.ledgerValue()),
					String.valueOf(found.tableValue()), Long.toString(found.sequence())))
			.toList();
	}

	private FourCheck inclusion(Optional<LedgerEntry> ingested) {
		if (ingested.isEmpty()) {
			return FourCheck.of(Kind.LEDGER_INCLUSION, Result.FAIL, "ledger-no-entry");
		}
		EntryInclusion.Inclusion found = inclusion.of(ingested.get());
		String sequence = Long.toString(found.sequence());
		String size = Long.toString(found.treeSize());
		String root = found.rootHash() == null ? "—" : found.rootHash();
		return switch (found.reason()) {
			case NONE -> FourCheck.of(Kind.LEDGER_INCLUSION, Result.PASS, "included", sequence, size, root);
			case NOT_YET_SIGNED -> FourCheck.of(Kind.LEDGER_INCLUSION, Result.WARN, "not-yet-signed", sequence, size);
			case CHECKPOINT_FORGED -> FourCheck.of(Kind.LEDGER_INCLUSION, Result.FAIL, "checkpoint-forged", sequence, size);
			case ENTRY_ALTERED -> FourCheck.of(Kind.LEDGER_INCLUSION, Result.FAIL, "entry-altered", sequence);
			case PROOF_FAILS -> FourCheck.of(Kind.LEDGER_INCLUSION, Result.FAIL, "proof-fails", sequence, size, root);
		};
	}

	private static FourCheck copy(Kind kind, StoredCopies.Copy copy, String expected) {
		return switch (copy.state()) {
			case GOOD -> FourCheck.of(kind, Result.PASS, "copy-good", place(copy), Long.toString(copy.size()), copy.sha256());
			case DIFFERS -> FourCheck.of(kind, Result.FAIL, "copy-differs", place(copy), Long.toString(copy.size()),
					String.valueOf(copy.sha256()), expected);
			case MISSING -> FourCheck.of(kind, Result.FAIL, "copy-missing", place(copy), expected);
			case UNREADABLE -> FourCheck.of(kind, Result.FAIL, "copy-unreadable", place(copy), String.valueOf(copy.problem()));
		};
	}

	private static FourCheck size(Recording recording, StoredCopies.Copy primary) {
		if (primary.size() < 0) {
			return FourCheck.of(Kind.SIZE, Result.FAIL, "size-missing", Long.toString(recording.size()));
		}
		return primary.size() == recording.size()
				? FourCheck.of(Kind.SIZE, Result.PASS, "size-ok", Long.toString(primary.size()))
				: FourCheck.of(Kind.SIZE, Result.FAIL, "size-differs", Long.toString(primary.size()),
						Long.toString(recording.size()));
	}

	private FourCheck metadata(Recording recording) {
		List<String> missing = new ArrayList<>();
		if (recording.deviceId() == null) {
			missing.add("four.field.device");
		}
		if (recording.officerId() == null) {
			missing.add("four.field.officer");
		}
		if (recording.recordedAt() == null) {
			missing.add("four.field.recorded-at");
		}
		if (!missing.isEmpty()) {
			return FourCheck.of(Kind.METADATA, Result.FAIL, "metadata-missing", new FourCheck.Terms(missing));
		}
		return activities.of(recording.id()).isPresent() ? FourCheck.of(Kind.METADATA, Result.PASS, "metadata-complete")
				: FourCheck.of(Kind.METADATA, Result.WARN, "no-activity");
	}

	static Term place(StoredCopies.Copy copy) {
		return new Term("four.place." + copy.place().name().toLowerCase(java.util.Locale.ROOT));
	}

	static Term state(StoredCopies.Copy copy) {
		return new Term("four.state." + copy.state().name().toLowerCase(java.util.Locale.ROOT));
	}
}
