package org.custodia.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.custodia.ledger.LedgerVerifier.Finding;
import org.custodia.ledger.LedgerVerifier.Kind;
import org.custodia.shared.CustodiaProperties;
import org.custodia.shared.MutableClock;
import org.custodia.shared.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Someone with database access alters the log in each way the verifier must catch, on H2 and on
 * PostgreSQL, after switching off the append-only triggers as a database owner could.
 */
class LedgerTamperTests {

	@TempDir
	Path dataDir;

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);

	private TestDatabases.Kind kind;

	private JdbcClient jdbc;

	private Ledger ledger;

	private LedgerCheckpoints checkpoints;

	private LedgerVerifier verifier;

	private TransactionTemplate transactions;

	private LedgerKeys keys;

	/** Ten entries, checkpoints signed at sizes 6 and 10. */
	private void tenEntriesWithTwoCheckpoints(TestDatabases.Kind kind) {
		this.kind = kind;
		try {
			java.nio.file.Files.createDirectories(dataDir.resolve("second"));
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		LedgerFixture fixture = LedgerFixture.on(TestDatabases.migrated(kind), dataDir, dataDir.resolve("second"), clock,
				List.of());
		jdbc = fixture.jdbc();
		transactions = fixture.transactions();
		keys = fixture.keys();
		ledger = fixture.ledger();
		checkpoints = fixture.checkpoints();
		verifier = fixture.verifier();
		for (int i = 0; i < 10; i++) {
			int n = i;
			transactions.executeWithoutResult(status -> ledger.append(new LedgerEvent("zhanhe-health", "alice", "officer",
					"recording.viewed", "recording", "r-" + n, Map.of("n", n, "note", "第" + n + "次"))));
			clock.advance(Duration.ofSeconds(7));
			if (n == 5 || n == 9) {
				checkpoints.checkpoint();
			}
		}
	}

	@ParameterizedTest
	@EnumSource(TestDatabases.Kind.class)
	void anUntouchedLogIsIntact(TestDatabases.Kind kind) {
		tenEntriesWithTwoCheckpoints(kind);
		LedgerVerifier.Report report = verifier.verify(jdbc, keys.verifierKey(), List.of());
		assertThat(report.findings()).isEmpty();
		assertThat(report.size()).isEqualTo(10);
		assertThat(report.checkpoints()).isEqualTo(2);
		assertThat(report.rootHash()).isEqualTo(checkpoints.latest().orElseThrow().rootHash());
	}

	@ParameterizedTest
	@EnumSource(TestDatabases.Kind.class)
	void anEntryIsProvenIntoTheSignedCheckpointUntilItsBytesChange(TestDatabases.Kind kind) {
		tenEntriesWithTwoCheckpoints(kind);
		EntryInclusion inclusion = new EntryInclusion(checkpoints, new LedgerProofs(jdbc), keys, ledger);
		assertThat(inclusion.of(3)).extracting(EntryInclusion.Inclusion::included, EntryInclusion.Inclusion::treeSize,
				EntryInclusion.Inclusion::reason).containsExactly(true, 10L, EntryInclusion.Reason.NONE);
		transactions.executeWithoutResult(status -> ledger.append(new LedgerEvent("zhanhe-health", "alice", "officer",
				"recording.viewed", "recording", "r-10", Map.of())));
		assertThat(inclusion.of(10).reason()).isEqualTo(EntryInclusion.Reason.NOT_YET_SIGNED);

		tamper("update ledger_entry set entry = replace(entry, 'alice', 'mallory') where seq = 3");
		assertThat(inclusion.of(3).reason()).isEqualTo(EntryInclusion.Reason.ENTRY_ALTERED);
		rewrite(4, "mallory");
		assertThat(inclusion.of(4)).extracting(EntryInclusion.Inclusion::included, EntryInclusion.Inclusion::reason)
			.containsExactly(false, EntryInclusion.Reason.PROOF_FAILS);
	}

	@ParameterizedTest
	@EnumSource(TestDatabases.Kind.class)
	void editedEntryBytesAreFoundAtTheirEntry(TestDatabases.Kind kind) {
		tenEntriesWithTwoCheckpoints(kind);
		tamper("update ledger_entry set entry = replace(entry, 'alice', 'mallory') where seq = 3");
		List<Finding> findings = findings();
		assertThat(findings.get(0)).extracting(Finding::kind, Finding::sequence).containsExactly(Kind.CONTENT_ALTERED, 3L);
		assertThat(findings).extracting(Finding::kind).contains(Kind.CHECKPOINT_MISMATCH);
	}

	@ParameterizedTest
	@EnumSource(TestDatabases.Kind.class)
	void editedColumnsAreFoundAtTheirEntry(TestDatabases.Kind kind) {
		tenEntriesWithTwoCheckpoints(kind);
		tamper("update ledger_entry set actor = 'mallory' where seq = 4");
		assertThat(findings()).extracting(Finding::kind, Finding::sequence)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.COLUMNS_ALTERED, 4L));
	}

	@ParameterizedTest
	@EnumSource(TestDatabases.Kind.class)
	void aDeletedEntryIsAMissingSequenceNumber(TestDatabases.Kind kind) {
		tenEntriesWithTwoCheckpoints(kind);
		tamper("delete from ledger_entry where seq = 5");
		List<Finding> findings = findings();
		assertThat(findings.get(0)).extracting(Finding::kind, Finding::sequence, Finding::other)
			.containsExactly(Kind.SEQUENCE_MISSING, 5L, 5L);
		assertThat(findings).extracting(Finding::kind).contains(Kind.CHECKPOINT_MISMATCH);
	}

	@ParameterizedTest
	@EnumSource(TestDatabases.Kind.class)
	void aCopiedRowIsARepeatedSequenceNumber(TestDatabases.Kind kind) {
		tenEntriesWithTwoCheckpoints(kind);
		dropPrimaryKey();
		jdbc.sql("""
				insert into ledger_entry (seq, occurred_at, agency, actor, actor_roles, action, subject_type, subject_id,
				    payload, entry, leaf_hash)
				select seq, occurred_at, agency, actor, actor_roles, action, subject_type, subject_id, payload, entry, leaf_hash
				from ledger_entry where seq = 2""").update();
		assertThat(findings().get(0)).extracting(Finding::kind, Finding::sequence).containsExactly(Kind.SEQUENCE_REPEATED, 2L);
	}

	@ParameterizedTest
	@EnumSource(TestDatabases.Kind.class)
	void swappedRowsAreFoundWhereTheyNowStand(TestDatabases.Kind kind) {
		tenEntriesWithTwoCheckpoints(kind);
		tamper("update ledger_entry set seq = 1000 where seq = 7");
		tamper("update ledger_entry set seq = 7 where seq = 8");
		tamper("update ledger_entry set seq = 8 where seq = 1000");
		assertThat(findings().get(0)).extracting(Finding::kind, Finding::sequence, Finding::other)
			.containsExactly(Kind.ROW_MOVED, 7L, 8L);
	}

	@ParameterizedTest
	@EnumSource(TestDatabases.Kind.class)
	void anInsertedRowShowsWhereTheLogNoLongerFollows(TestDatabases.Kind kind) {
		tenEntriesWithTwoCheckpoints(kind);
		tamper("update ledger_entry set seq = seq + 1000 where seq >= 4");
		tamper("update ledger_entry set seq = seq - 999 where seq >= 1000");
		String forged = EntryEncoding.canonical(4, Instant.parse("2026-11-23T08:00:29Z"), "zhanhe-health", "alice",
				"officer", "recording.viewed", "recording", "forged", Map.of());
		insertRow(4, forged);
		List<Finding> findings = findings();
		assertThat(findings.get(0)).extracting(Finding::kind, Finding::sequence, Finding::other)
			.containsExactly(Kind.ROW_MOVED, 5L, 4L);
		assertThat(findings).extracting(Finding::kind).contains(Kind.CHECKPOINT_MISMATCH);
	}

	@ParameterizedTest
	@EnumSource(TestDatabases.Kind.class)
	void aConsistentlyRewrittenHistoryStillContradictsTheSignedCheckpoints(TestDatabases.Kind kind) {
		tenEntriesWithTwoCheckpoints(kind);
		rewrite(2, "mallory");
		assertThat(findings()).extracting(Finding::kind, Finding::sequence).containsExactly(
				org.assertj.core.groups.Tuple.tuple(Kind.CHECKPOINT_MISMATCH, 6L),
				org.assertj.core.groups.Tuple.tuple(Kind.CHECKPOINT_MISMATCH, 10L));
	}

	@ParameterizedTest
	@EnumSource(TestDatabases.Kind.class)
	void aCheckpointWithABadSignatureIsNamed(TestDatabases.Kind kind) {
		tenEntriesWithTwoCheckpoints(kind);
		LedgerKeys otherKey = new LedgerKeys(new CustodiaProperties(dataDir.resolve("other"), false));
		byte[] root = HexFormat.of().parseHex(checkpoints.latest().orElseThrow().rootHash());
		String forged = SignedNote.sign(new SignedNote.Checkpoint(keys.origin(), 10, root),
				new SignedNote.VerifierKey(keys.origin(), keys.verifierKey().keyId(), otherKey.verifierKey().publicKey()),
				otherKey.privateKey());
		dropCheckpointPrimaryKey();
		jdbc.sql("insert into ledger_checkpoint (tree_size, root_hash, frontier, note, signed_at) values (10, :root, '', :note, :at)")
			.param("root", HexFormat.of().formatHex(root))
			.param("note", forged)
			.param("at", java.sql.Timestamp.from(clock.instant()))
			.update();
		assertThat(findings()).extracting(Finding::kind, Finding::sequence)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.CHECKPOINT_BAD_SIGNATURE, 10L));
	}

	@ParameterizedTest
	@EnumSource(TestDatabases.Kind.class)
	void aCheckpointSignedOverARewrittenHistoryIsInconsistentWithTheEarlierOnes(TestDatabases.Kind kind) {
		tenEntriesWithTwoCheckpoints(kind);
		transactions.executeWithoutResult(status -> ledger.append(new LedgerEvent("zhanhe-health", "alice", "officer",
				"recording.viewed", "recording", "r-10", Map.of())));
		rewrite(2, "mallory");
		// The checkpointer extends its own frontier, so it would still sign the true history; whoever stole the
		// signing key signs the rewritten tree of 11 entries by hand.
		List<byte[]> leaves = jdbc.sql("select entry from ledger_entry order by seq").query(String.class).list().stream()
			.map(entry -> Merkle.leafHash(entry.getBytes(StandardCharsets.UTF_8))).toList();
		byte[] root = Merkle.root(leaves);
		String note = SignedNote.sign(new SignedNote.Checkpoint(keys.origin(), 11, root), keys.verifierKey(), keys.privateKey());
		jdbc.sql("insert into ledger_checkpoint (tree_size, root_hash, frontier, note, signed_at) values (11, :root, '', :note, :at)")
			.param("root", HexFormat.of().formatHex(root))
			.param("note", note)
			.param("at", java.sql.Timestamp.from(clock.instant()))
			.update();
		List<Finding> findings = findings();
		assertThat(findings).extracting(Finding::kind, Finding::sequence, Finding::other).contains(
				org.assertj.core.groups.Tuple.tuple(Kind.CHECKPOINT_INCONSISTENT, 11L, 6L),
				org.assertj.core.groups.Tuple.tuple(Kind.CHECKPOINT_INCONSISTENT, 11L, 10L));
	}

	@ParameterizedTest
	@EnumSource(TestDatabases.Kind.class)
	void aCheckpointKeptOutsideProvesTodaysLogExtendsIt(TestDatabases.Kind kind) {
		tenEntriesWithTwoCheckpoints(kind);
		String keptOnPaper = jdbc.sql("select note from ledger_checkpoint where tree_size = 6").query(String.class).single();
		assertThat(verifier.verify(jdbc, keys.verifierKey(), kept(keptOnPaper)).findings()).isEmpty();

		rewrite(1, "mallory");
		assertThat(verifier.verify(jdbc, keys.verifierKey(), kept(keptOnPaper)).findings())
			.extracting(Finding::kind)
			.contains(Kind.EXTERNAL_CHECKPOINT_NOT_EXTENDED);
		assertThat(verifier.verify(jdbc, keys.verifierKey(), kept(keptOnPaper.replace("\n6\n", "\n7\n")))
			.findings()).extracting(Finding::kind).contains(Kind.CHECKPOINT_BAD_SIGNATURE);
	}

	@ParameterizedTest
	@EnumSource(TestDatabases.Kind.class)
	void aTailRemovedWithTheCheckpointsOfItIsFoundByTheCopiesKeptOutside(TestDatabases.Kind kind) {
		tenEntriesWithTwoCheckpoints(kind);
		tamper("delete from ledger_entry where seq >= 8");
		tamper("delete from ledger_checkpoint where tree_size > 8");
		LedgerVerifier.Report report = verifier.verify(List.of());
		String inDataDir = dataDir.resolve("ledger/checkpoint.txt").toString();
		String onSecondRoot = dataDir.resolve("second/ledger/checkpoint.txt").toString();
		assertThat(report.findings()).extracting(Finding::kind, Finding::sequence, Finding::other, Finding::source)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.CHECKPOINT_BEYOND_LOG, 10L, 8L, inDataDir),
					org.assertj.core.groups.Tuple.tuple(Kind.CHECKPOINT_BEYOND_LOG, 10L, 8L, onSecondRoot));
		assertThat(report.newest()).isEqualTo(new LedgerVerifier.Newest(10, inDataDir));
		assertThat(report.intact()).isFalse();
	}

	@ParameterizedTest
	@EnumSource(TestDatabases.Kind.class)
	void anUntouchedLogIsHeldToTheNewestCheckpointFoundAndIsIntact(TestDatabases.Kind kind) {
		tenEntriesWithTwoCheckpoints(kind);
		transactions.executeWithoutResult(status -> ledger.append(new LedgerEvent("zhanhe-health", "alice", "officer",
				"recording.viewed", "recording", "r-10", Map.of())));
		LedgerVerifier.Report report = verifier.verify(List.of());
		assertThat(report.intact()).isTrue();
		assertThat(report.checkpoints()).isEqualTo(4);
		assertThat(report.newest()).isEqualTo(new LedgerVerifier.Newest(10, null));
	}

	@ParameterizedTest
	@EnumSource(TestDatabases.Kind.class)
	void aCheckpointSignedWithAnotherKeyIsRefusedWhereverItIsKept(TestDatabases.Kind kind) throws Exception {
		tenEntriesWithTwoCheckpoints(kind);
		LedgerKeys otherKey = new LedgerKeys(new CustodiaProperties(dataDir.resolve("other"), false));
		byte[] root = HexFormat.of().parseHex(checkpoints.latest().orElseThrow().rootHash());
		String forged = SignedNote.sign(new SignedNote.Checkpoint(keys.origin(), 12, root), otherKey.verifierKey(),
				otherKey.privateKey());
		java.nio.file.Files.writeString(dataDir.resolve("second/ledger/checkpoint.txt"), forged);
		assertThat(verifier.verify(List.of()).findings()).extracting(Finding::kind, Finding::source)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.CHECKPOINT_BAD_SIGNATURE,
					dataDir.resolve("second/ledger/checkpoint.txt").toString()));
		assertThat(verifier.verify(List.of(new KeptCheckpoints.Kept("printed", forged + "\n" + otherKey.verifierKey().text())))
			.findings()).extracting(Finding::kind, Finding::source)
			.contains(org.assertj.core.groups.Tuple.tuple(Kind.CHECKPOINT_OTHER_KEY, "printed"));
	}

	@ParameterizedTest
	@EnumSource(TestDatabases.Kind.class)
	void theCheckpointerRefusesToSignOverAnAlteredEntry(TestDatabases.Kind kind) {
		tenEntriesWithTwoCheckpoints(kind);
		transactions.executeWithoutResult(status -> ledger.append(new LedgerEvent(null, "system:test", "",
				"test.appended", "thing", "x", Map.of())));
		tamper("update ledger_entry set entry = replace(entry, 'thing', 'other') where seq = 10");
		assertThat(checkpoints.checkpoint().orElseThrow().size()).isEqualTo(10);
	}

	/** Rewrites entry {@code sequence} with a new actor and recomputes its hash, as an informed attacker would. */
	private void rewrite(long sequence, String actor) {
		String entry = jdbc.sql("select entry from ledger_entry where seq = :seq").param("seq", sequence).query(String.class).single();
		String changed = entry.replace("\"name\":\"alice\"", "\"name\":\"" + actor + "\"");
		tamper("update ledger_entry set actor = '" + actor + "', entry = '" + changed.replace("'", "''") + "', leaf_hash = '"
				+ HexFormat.of().formatHex(Merkle.leafHash(changed.getBytes(StandardCharsets.UTF_8))) + "' where seq = " + sequence);
	}

	private void insertRow(long sequence, String entry) {
		jdbc.sql("""
				insert into ledger_entry (seq, occurred_at, agency, actor, actor_roles, action, subject_type, subject_id,
				    payload, entry, leaf_hash)
				values (:seq, :at, 'zhanhe-health', 'alice', 'officer', 'recording.viewed', 'recording', 'forged', '{}',
				    :entry, :leaf)""")
			.param("seq", sequence)
			.param("at", java.sql.Timestamp.from(Instant.parse("2026-11-23T08:00:29Z")))
			.param("entry", entry)
			.param("leaf", HexFormat.of().formatHex(Merkle.leafHash(entry.getBytes(StandardCharsets.UTF_8))))
			.update();
	}

	private static List<KeptCheckpoints.Kept> kept(String text) {
		return List.of(new KeptCheckpoints.Kept("kept.txt", text));
	}

	private List<Finding> findings() {
		return verifier.verify(jdbc, keys.verifierKey(), List.of()).findings();
	}

	private void tamper(String sql) {
		disableTriggers();
		jdbc.sql(sql).update();
	}

	private void disableTriggers() {
		if (kind == TestDatabases.Kind.POSTGRESQL) {
			jdbc.sql("alter table ledger_entry disable trigger user").update();
			jdbc.sql("alter table ledger_checkpoint disable trigger user").update();
		}
		else {
			for (String trigger : List.of("ledger_entry_no_update", "ledger_entry_no_delete", "ledger_checkpoint_no_update",
					"ledger_checkpoint_no_delete")) {
				jdbc.sql("drop trigger if exists " + trigger).update();
			}
		}
	}

	private void dropPrimaryKey() {
		disableTriggers();
		if (kind == TestDatabases.Kind.H2) {
			jdbc.sql("drop table ledger_truncate_guard").update();
		}
		String constraint = jdbc.sql("""
				select constraint_name from information_schema.table_constraints
				where table_name = 'ledger_entry' and constraint_type = 'PRIMARY KEY' and table_schema = current_schema()""").query(String.class).single();
		jdbc.sql("alter table ledger_entry drop constraint " + quoted(constraint)).update();
	}

	private void dropCheckpointPrimaryKey() {
		if (kind == TestDatabases.Kind.H2) {
			jdbc.sql("drop table ledger_truncate_guard").update();
		}
		String constraint = jdbc.sql("""
				select constraint_name from information_schema.table_constraints
				where table_name = 'ledger_checkpoint' and constraint_type = 'PRIMARY KEY' and table_schema = current_schema()""").query(String.class).single();
		jdbc.sql("alter table ledger_checkpoint drop constraint " + quoted(constraint)).update();
	}

	private String quoted(String constraint) {
		return kind == TestDatabases.Kind.H2 ? "\"" + constraint + "\"" : constraint;
	}
}
