package org.custodia.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.custodia.shared.CustodiaProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A policy file's {@code permissions} that cannot be used is refused naming the file, the line and the field. */
class PermissionsSectionTests {

	private final PolicyFileReader reader = new PolicyFileReader(PolicyFileReaderTests.VALIDATOR);

	@TempDir
	Path dataDir;

	@Test
	void anUnknownActionIsRefusedWithItsLine() throws IOException {
		String broken = shipped("neiqiu-health").replace("  - action: see-ledger\n", "  - action: read-ledger\n");
		assertThatThrownBy(() -> reader.read("neiqiu-health.yaml", broken))
			.isInstanceOfSatisfying(PolicyFileException.class, e -> {
				assertThat(e.field()).matches("permissions\\[\\d+]\\.action");
				assertThat(e.line()).isEqualTo(lineOf(broken, "action: read-ledger"));
				assertThat(e.problem()).contains("unknown action 'read-ledger'", "see-ledger");
			});
	}

	@Test
	void anUnknownRoleIsRefusedWithItsLine() throws IOException {
		String broken = shipped("kaifeng-audit").replace("      - {roles: [administrator, supervisor]}",
				"      - {roles: [administrator, auditor]}");
		assertThatThrownBy(() -> reader.read("kaifeng-audit.yaml", broken))
			.isInstanceOfSatisfying(PolicyFileException.class, e -> {
				assertThat(e.field()).matches("permissions\\[\\d+]\\.grants\\[0]\\.roles\\[1]");
				assertThat(e.line()).isEqualTo(lineOf(broken, "[administrator, auditor]"));
				assertThat(e.problem()).contains("unknown role 'auditor'");
			});
		String approver = shipped("kaifeng-audit").replace("approver: legal-head, rule: disposal", "approver: director, rule: disposal");
		assertThatThrownBy(() -> reader.read("kaifeng-audit.yaml", approver))
			.isInstanceOfSatisfying(PolicyFileException.class, e -> {
				assertThat(e.field()).endsWith(".grants[0].approver");
				assertThat(e.problem()).contains("unknown role 'director'");
			});
	}

	@Test
	void aPermissionWithoutCitationIsRefused() throws IOException {
		String shipped = shipped("zhanhe-health");
		String broken = shipped.replace("    rule: import-by-custodian\n    cite: \"003 art. 13\"\n",
				"    rule: import-by-custodian\n");
		assertThat(broken).isNotEqualTo(shipped);
		assertThatThrownBy(() -> reader.read("zhanhe-health.yaml", broken))
			.isInstanceOfSatisfying(PolicyFileException.class, e -> {
				assertThat(e.field()).matches("permissions\\[\\d+]\\.cite");
				assertThat(e.line()).isEqualTo(lineOf(broken, "action: import"));
				assertThat(e.problem()).contains("missing cite");
			});
	}

	@Test
	void aCitationOfAnotherAgencysRegulationIsRefusedInPermissionsToo() throws IOException {
		String broken = shipped("zhanhe-health").replace("    rule: import-by-custodian\n    cite: \"003 art. 13\"\n",
				"    rule: import-by-custodian\n    cite: \"004 art. 12\"\n");
		assertThatThrownBy(() -> reader.read("zhanhe-health.yaml", broken))
			.isInstanceOfSatisfying(PolicyFileException.class, e -> {
				assertThat(e.field()).matches("permissions\\[\\d+]\\.cite");
				assertThat(e.problem()).contains("seed 003");
			});
	}

	@Test
	void everyActionIsGivenExactlyOnce() throws IOException {
		String shipped = shipped("fengnan-medins");
		String missing = shipped.replaceFirst("(?s)  - action: see-ledger\n.*?\n(?=  - |\\z)", "");
		assertThat(missing).doesNotContain("see-ledger");
		assertThatThrownBy(() -> reader.read("fengnan-medins.yaml", missing))
			.isInstanceOfSatisfying(PolicyFileException.class, e -> {
				assertThat(e.field()).isEqualTo("permissions");
				assertThat(e.line()).isEqualTo(lineOf(missing, "permissions:"));
				assertThat(e.problem()).contains("no permission for action 'see-ledger'");
			});
		String twice = shipped.replace("  - action: see-ledger\n", "  - action: import\n");
		assertThatThrownBy(() -> reader.read("fengnan-medins.yaml", twice))
			.isInstanceOfSatisfying(PolicyFileException.class, e -> {
				assertThat(e.problem()).contains("action 'import' is given twice", "first at line " + lineOf(twice, "action: import"));
				assertThat(e.line()).isEqualTo(lastLineOf(twice, "action: import"));
			});
		String without = shipped.substring(0, shipped.indexOf("\npermissions:") + 1);
		assertThatThrownBy(() -> reader.read("fengnan-medins.yaml", without))
			.isInstanceOfSatisfying(PolicyFileException.class, e -> assertThat(e.field()).isEqualTo("permissions"));
	}

	@Test
	void theAdministratorCannotBeGrantedFootage() throws IOException {
		String broken = shipped("pingdingshan-culture").replace("      - {roles: [officer], relation: activity-participant}",
				"      - {roles: [officer, administrator], relation: activity-participant}");
		assertThatThrownBy(() -> reader.read("pingdingshan-culture.yaml", broken))
			.isInstanceOfSatisfying(PolicyFileException.class, e -> {
				assertThat(e.field()).endsWith(".roles[1]");
				assertThat(e.problem()).contains("separation of duties");
			});
	}

	@Test
	void unknownRelationsReferencesAndPreconditionsAreRefused() throws IOException {
		String shipped = shipped("neiqiu-health");
		for (String[] change : List.of(
				new String[] { "relation: activity-participant}", "relation: activity-participant | same-unit}", ".relation", "unknown relation 'same-unit'" },
				new String[] { "from: access.publicUse", "from: access.publicUse.approvers", ".from", "unknown reference" },
				new String[] { "from: access.requesters.other-staff.view", "from: access.requesters.colleague.view", ".from", "colleague" },
				new String[] { "requires: retention-period-set", "requires: retention-expired", ".requires", "unknown precondition" },
				new String[] { "    from: recording.mayStop.workRecord\n", "    from: recording.mayStop.workRecord\n    cite: \"000 art. 8\"\n",
						".from", "remove grants, cite and requires" },
				new String[] { "      - {roles: [unit-head, legal-head, supervisor]}", "      - {roles: [anyone, supervisor]}", ".roles[0]",
						"'anyone' stands alone" })) {
			String broken = shipped.replace(change[0], change[1]);
			assertThat(broken).as(change[1]).isNotEqualTo(shipped);
			assertThatThrownBy(() -> reader.read("neiqiu-health.yaml", broken)).as(change[1])
				.isInstanceOfSatisfying(PolicyFileException.class, e -> {
					assertThat(e.field()).startsWith("permissions[").endsWith(change[2]);
					assertThat(e.problem()).contains(change[3]);
				});
		}
	}

	@Test
	void aBrokenPermissionInTheDataDirectoryStopsTheStartNamingThatFile() throws IOException {
		Path file = dataDir.resolve("policies/kaifeng-audit.yaml");
		Files.createDirectories(file.getParent());
		String broken = shipped("kaifeng-audit").replace("  - action: carry-device\n", "  - action: wear-device\n");
		Files.writeString(file, broken);
		assertThatThrownBy(() -> new Policies(new CustodiaProperties(dataDir, false), PolicyFileReaderTests.VALIDATOR))
			.isInstanceOfSatisfying(PolicyFileException.class, e -> {
				assertThat(e.file()).isEqualTo(file.toString());
				assertThat(e.line()).isEqualTo(lineOf(broken, "action: wear-device"));
				assertThat(e.getMessage()).contains(file.toString(), "line " + e.line(), "permissions[");
			});
	}

	private static String shipped(String code) throws IOException {
		return PolicyFileReaderTests.shipped(code);
	}

	private static int lineOf(String content, String needle) {
		List<String> lines = content.lines().toList();
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(needle)) {
				return i + 1;
			}
		}
		throw new AssertionError(needle + " not in file");
	}

	private static int lastLineOf(String content, String needle) {
		List<String> lines = content.lines().toList();
		for (int i = lines.size() - 1; i >= 0; i--) {
			if (lines.get(i).contains(needle)) {
				return i + 1;
			}
		}
		throw new AssertionError(needle + " not in file");
	}
}
