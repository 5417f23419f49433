package org.custodia.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaProperties;
import org.custodia.shared.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a shipped policy contradicted its regulation: each test quotes the article and holds the policy to it.
 * (Deadlines: {@link ImportDeadlinesTests}; interruptions, consent and reports: the activity module's tests.)
 */
class PoliciesFollowTheRegulationsTests {

	private final PolicyFileReader reader = new PolicyFileReader(PolicyFileReaderTests.VALIDATOR);

	@TempDir
	Path dataDir;

	private AgencyPolicy policy(String code) throws IOException {
		return reader.read(code + ".yaml", PolicyFileReaderTests.shipped(code));
	}

	/**
	 * 004 states no sanction: its rules end with art. 18 "应及时书面报告局党组" and art. 19 "自印发之日起试行". Sanctions exist
	 * only where a regulation states them (002 art. 21: "执法过错责任追究方式分为…"), cited to it.
	 */
	@Test
	void kaifengCarriesNoSanctionsAndNoAgencyCarriesAnotherRegulationsSanctions() throws IOException {
		assertThat(policy("kaifeng-audit").sanctions()).isEmpty();
		assertThat(policy("kaifeng-audit").violations()).allSatisfy(violation -> assertThat(violation.cite()).startsWith("004 art."));
		assertThat(policy("fengnan-medins").sanctions()).extracting(AgencyPolicy.Sanction::cite).containsOnly("002 art. 21");
		for (String code : PolicyFileReaderTests.AGENCIES) {
			AgencyPolicy policy = policy(code);
			assertThat(policy.sanctions()).as(code)
				.allSatisfy(sanction -> assertThat(sanction.cite()).doesNotStartWith("custodia:"));
		}
	}

	/**
	 * 004 art. 13: "需要公开使用的，应当经局领导批准"; art. 14: "应当报经局领导批准" — any bureau leader, the chief or the leader in
	 * charge, approves; not the chief alone.
	 */
	@Test
	void aKaifengBureauLeaderIsTheChiefOrTheLeaderInCharge() {
		PolicyDecisions decisions = new PolicyDecisions(new Policies(new CustodiaProperties(dataDir, false),
				PolicyFileReaderTests.VALIDATOR), code -> null);
		Decision publicUse = decisions.decide(staff("kaifeng-audit", Role.OFFICER), Action.PUBLIC_USE, "kaifeng-audit");
		assertThat(publicUse.approvers()).containsExactly(Role.CHIEF, Role.LEADER_IN_CHARGE);
		assertThat(publicUse.citation()).contains("004 art. 13");
		assertThat(decisions.decide(staff("kaifeng-audit", Role.LEADER_IN_CHARGE), Action.PUBLIC_USE, "kaifeng-audit")
			.isAllowed()).isTrue();
		assertThat(decisions.decide(staff("kaifeng-audit", Role.LEADER_IN_CHARGE), Action.VIEW, "kaifeng-audit").isAllowed())
			.isTrue();
	}

	/**
	 * 000 art. 7 ("归档长期保存") and art. 15 ("刻盘保存等方式完整留存") name no number of copies; a citation names only an article
	 * that says what is cited, so the two copies are Custodia's default (as 001 art. 16 "一式两份").
	 */
	@Test
	void neiqiusTwoDiscCopiesAreNotCitedToAnArticleThatNamesNoNumber() throws IOException {
		AgencyPolicy.LongTermDiscs discs = policy("neiqiu-health").discs().longTerm();
		assertThat(discs.copies()).isEqualTo(2);
		assertThat(discs.cite()).startsWith("custodia: ").doesNotContain("000 art.");
		assertThat(policy("pingdingshan-culture").discs().longTerm().cite()).isEqualTo("001 art. 16");
	}

	/** 000 art. 8: "经现场负责人或办案部门领导同意" — either may consent; 002 art. 7 and 001 art. 12 ask no consent. */
	@Test
	void consentIsAskedOfWhomTheRegulationNames() throws IOException {
		assertThat(policy("neiqiu-health").recording().mayStop().consentBy()).containsExactly("on-site-leader", "unit-head");
		assertThat(policy("kaifeng-audit").recording().mayStop().consentBy()).containsExactly("on-site-leader", "chief");
		assertThat(policy("fengnan-medins").recording().mayStop().consentBy()).isEmpty();
		assertThat(policy("pingdingshan-culture").recording().mayStop().consentBy()).isEmpty();
	}

	/**
	 * 000 art. 20 "各执法单位负责人负责…日常检查", art. 22 "定期查询、调阅和回放"; 004 art. 16 "各科室设备管理人员负责…日常检查";
	 * 001 art. 17 and 003 art. 17 "不定期…检查和督导；每年应当至少组织一次音像记录资料评查".
	 */
	@Test
	void eachAgencySupervisesAsItsRegulationSays() throws IOException {
		assertThat(checks("neiqiu-health")).containsExactly(Map.entry("daily-check", List.of("unit-head")),
				Map.entry("playback-review", List.of("legal-head")));
		assertThat(checks("kaifeng-audit")).containsExactly(Map.entry("daily-check", List.of("custodian")));
		assertThat(policy("kaifeng-audit").supervision().checks().get(0).reportTo()).isEqualTo("unit-head");
		for (String code : List.of("pingdingshan-culture", "zhanhe-health")) {
			AgencyPolicy.Check evaluation = policy(code).supervision().checks().get(1);
			assertThat(evaluation.kind()).isEqualTo("evaluation");
			assertThat(evaluation.every()).isEqualTo("year");
			assertThat(evaluation.atLeast()).isEqualTo(1);
		}
		assertThat(policy("fengnan-medins").supervision().checks()).isEmpty();
	}

	private List<Map.Entry<String, List<String>>> checks(String code) throws IOException {
		return policy(code).supervision().checks().stream().map(check -> Map.entry(check.kind(), check.by())).toList();
	}

	private static Actor staff(String agency, Role role) {
		return new Actor() {

			@Override
			public UUID userId() {
				return new UUID(7, 7);
			}

			@Override
			public String username() {
				return "staff";
			}

			@Override
			public Optional<String> agency() {
				return Optional.of(agency);
			}

			@Override
			public Set<Role> roles() {
				return Set.of(role);
			}
		};
	}
}
