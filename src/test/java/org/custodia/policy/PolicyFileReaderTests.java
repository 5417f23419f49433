package org.custodia.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.custodia.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class PolicyFileReaderTests {

	static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

	static final List<String> AGENCIES = List.of("neiqiu-health", "pingdingshan-culture", "fengnan-medins",
			"zhanhe-health", "kaifeng-audit");

	private final PolicyFileReader reader = new PolicyFileReader(VALIDATOR);

	static String shipped(String code) throws IOException {
		return new ClassPathResource("policies/" + code + ".yaml").getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void readsEveryShippedPolicy() throws IOException {
		for (String code : AGENCIES) {
			AgencyPolicy policy = reader.read(code + ".yaml", shipped(code));
			assertThat(policy.code()).isEqualTo(code);
		}
	}

	@Test
	void pingdingshanKeepsItsFifteenRowListAndLeavesRetentionOpen() throws IOException {
		AgencyPolicy policy = reader.read("pingdingshan-culture.yaml", shipped("pingdingshan-culture"));
		assertThat(policy.recording().activityList()).hasSize(15);
		assertThat(policy.recording().activityList().get(10).activity().zh()).isEqualTo("双随机抽取过程");
		assertThat(policy.retention().baseMonths()).isNull();
		assertThat(policy.retention().baseStatus()).isEqualTo("left-blank");
		assertThat(policy.retention().cite()).isEqualTo("001 art. 15");
	}

	@Test
	void agenciesDifferWhereTheirRegulationsDiffer() throws IOException {
		AgencyPolicy fengnan = reader.read("fengnan-medins.yaml", shipped("fengnan-medins"));
		AgencyPolicy kaifeng = reader.read("kaifeng-audit.yaml", shipped("kaifeng-audit"));
		AgencyPolicy neiqiu = reader.read("neiqiu-health.yaml", shipped("neiqiu-health"));
		assertThat(fengnan.retention().baseMonths()).isEqualTo(12);
		assertThat(fengnan.retention().evidenceWithCaseFile().applies()).isTrue();
		assertThat(fengnan.recording().notification().sentence().zh()).startsWith("您好，我们是丰南区医疗保障局执法人员");
		assertThat(kaifeng.recording().mustRecord()).isEmpty();
		assertThat(kaifeng.recording().mayRecord()).isNotEmpty();
		assertThat(kaifeng.devices().networkingBanned().value()).isTrue();
		assertThat(kaifeng.devices().repairRoute().route()).isEqualTo("vendor-only");
		assertThat(kaifeng.recording().mayStop().workRecord().copies()).isEqualTo(2);
		assertThat(kaifeng.discs().evidence().signers()).hasSize(3);
		assertThat(neiqiu.devices().repairRoute().route()).isEqualTo("finance");
		assertThat(neiqiu.retention().longTermTriggers()).hasSize(4);
	}

	@Test
	void aDisposalWaitsTheDaysTheAgencySetsAndNeverNone() throws IOException {
		String shipped = shipped("zhanhe-health");
		assertThat(reader.read("zhanhe-health.yaml", shipped).retention().disposal().waitPeriod()).hasDays(7);
		String longer = shipped.replace("waitDays: 7,", "waitDays: 30,");
		assertThat(reader.read("zhanhe-health.yaml", longer).retention().disposal().waitPeriod()).hasDays(30);
		String unset = shipped.replace("waitDays: 7, ", "");
		assertThatThrownBy(() -> reader.read("zhanhe-health.yaml", unset)).isInstanceOfSatisfying(PolicyFileException.class,
				e -> assertThat(e.field()).isEqualTo("retention.disposal.waitDays"));
		String none = shipped.replace("waitDays: 7,", "waitDays: 0,");
		assertThatThrownBy(() -> reader.read("zhanhe-health.yaml", none)).isInstanceOfSatisfying(PolicyFileException.class,
				e -> assertThat(e.field()).isEqualTo("retention.disposal.waitDays"));
	}

	@Test
	void unknownFieldIsRefusedWithItsLine() throws IOException {
		String broken = shipped("neiqiu-health").replace("  baseStatus: kept-complete", "  baseStatus: kept-complete\n  baseMonthz: 3");
		assertThatThrownBy(() -> reader.read("neiqiu-health.yaml", broken))
			.isInstanceOfSatisfying(PolicyFileException.class, e -> {
				assertThat(e.file()).isEqualTo("neiqiu-health.yaml");
				assertThat(e.field()).isEqualTo("retention.baseMonthz");
				assertThat(e.line()).isEqualTo(lineOf(broken, "baseMonthz"));
			});
	}

	@Test
	void wrongTypeIsRefusedWithItsLine() throws IOException {
		String broken = shipped("zhanhe-health").replace("lockoutThreshold: 5", "lockoutThreshold: five");
		assertThatThrownBy(() -> reader.read("zhanhe-health.yaml", broken))
			.isInstanceOfSatisfying(PolicyFileException.class, e -> {
				assertThat(e.field()).isEqualTo("login.lockoutThreshold");
				assertThat(e.line()).isEqualTo(lineOf(broken, "lockoutThreshold"));
			});
	}

	@Test
	void missingFieldIsRefused() throws IOException {
		String broken = shipped("kaifeng-audit").replaceFirst("  sessionTimeoutMinutes: 30\n", "");
		assertThatThrownBy(() -> reader.read("kaifeng-audit.yaml", broken))
			.isInstanceOfSatisfying(PolicyFileException.class, e -> {
				assertThat(e.field()).isEqualTo("login.sessionTimeoutMinutes");
				assertThat(e.line()).isEqualTo(lineOf(broken, "login:"));
			});
	}

	@Test
	void eachAgencyNamesWhoConfirmsRolesThatSeeFootage() throws IOException {
		for (String code : AGENCIES) {
			AgencyPolicy policy = reader.read(code + ".yaml", shipped(code));
			assertThat(policy.accounts().confirmingRole()).as(code)
				.isEqualTo(code.equals("fengnan-medins") ? Role.LEADER_IN_CHARGE : Role.CHIEF);
			assertThat(FootageRoles.ROLES).contains(policy.accounts().confirmingRole()).doesNotContain(Role.ADMINISTRATOR);
		}
		String withoutAccounts = shipped("neiqiu-health").replaceFirst("(?s)\naccounts:\n.*?\n(?=\n)", "\n");
		assertThatThrownBy(() -> reader.read("neiqiu-health.yaml", withoutAccounts))
			.isInstanceOfSatisfying(PolicyFileException.class, e -> assertThat(e.field()).isEqualTo("accounts"));
		String byOfficers = shipped("neiqiu-health").replace("footageRolesConfirmedBy: chief", "footageRolesConfirmedBy: officer");
		assertThatThrownBy(() -> reader.read("neiqiu-health.yaml", byOfficers))
			.isInstanceOfSatisfying(PolicyFileException.class, e -> {
				assertThat(e.field()).isEqualTo("accounts.footageRolesConfirmedBy");
				assertThat(e.line()).isEqualTo(lineOf(byOfficers, "footageRolesConfirmedBy"));
			});
	}

	@Test
	void aLockoutThresholdOneAddressCouldReachIsRefused() throws IOException {
		String broken = shipped("zhanhe-health").replace("lockoutThreshold: 5", "lockoutThreshold: 3");
		assertThatThrownBy(() -> reader.read("zhanhe-health.yaml", broken))
			.isInstanceOfSatisfying(PolicyFileException.class, e -> assertThat(e.field()).isEqualTo("login.lockoutThreshold"));
	}

	@Test
	void malformedCitationIsRefusedWithItsLine() throws IOException {
		String broken = shipped("fengnan-medins").replace("cite: \"002 art. 14\"\n", "cite: \"article fourteen\"\n");
		assertThatThrownBy(() -> reader.read("fengnan-medins.yaml", broken))
			.isInstanceOfSatisfying(PolicyFileException.class, e -> {
				assertThat(e.field()).isEqualTo("retention.cite");
				assertThat(e.line()).isEqualTo(lineOf(broken, "article fourteen"));
			});
	}

	@Test
	void citationOfAnotherAgencysRegulationIsRefused() throws IOException {
		String broken = shipped("zhanhe-health").replace("cite: \"003 art. 15\"", "cite: \"002 art. 14\"");
		assertThatThrownBy(() -> reader.read("zhanhe-health.yaml", broken))
			.isInstanceOfSatisfying(PolicyFileException.class, e -> {
				assertThat(e.field()).isEqualTo("retention.cite");
				assertThat(e.problem()).contains("seed 003");
			});
	}

	/** A Chinese page shows Custodia's reason in Chinese: a reason without its Chinese text is refused at startup. */
	@Test
	void aCustodiaReasonWithoutItsChineseTextIsRefused() throws IOException {
		String broken = shipped("fengnan-medins").replaceFirst("cite: \"custodia: account security\"",
				"cite: \"custodia: because we said so\"");
		assertThatThrownBy(() -> reader.read("fengnan-medins.yaml", broken))
			.isInstanceOfSatisfying(PolicyFileException.class, e -> {
				assertThat(e.field()).isEqualTo("login.cite");
				assertThat(e.problem()).contains("no Chinese text", "custodia-reasons.yaml");
				assertThat(e.line()).isEqualTo(lineOf(broken, "because we said so"));
			});
	}

	@Test
	void retentionMonthsMustAgreeWithTheirStatus() throws IOException {
		String broken = shipped("pingdingshan-culture").replace("  baseMonths: null", "  baseMonths: 6");
		assertThatThrownBy(() -> reader.read("pingdingshan-culture.yaml", broken))
			.isInstanceOfSatisfying(PolicyFileException.class, e -> assertThat(e.field()).isEqualTo("retention.baseMonths"));
	}

	@Test
	void brokenYamlIsRefusedWithItsLine() throws IOException {
		String broken = shipped("neiqiu-health").replace("login:", "login: [unclosed");
		assertThatThrownBy(() -> reader.read("neiqiu-health.yaml", broken))
			.isInstanceOfSatisfying(PolicyFileException.class, e -> {
				assertThat(e.problem()).contains("not valid YAML");
				assertThat(e.line()).isGreaterThanOrEqualTo(lineOf(broken, "login: [unclosed"));
			});
	}

	@Test
	void fileMustBeNamedForItsAgency() throws IOException {
		assertThatThrownBy(() -> reader.read("some-other.yaml", shipped("neiqiu-health")))
			.isInstanceOfSatisfying(PolicyFileException.class, e -> assertThat(e.field()).isEqualTo("agency.code"));
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
}
