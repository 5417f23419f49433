package org.custodia.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.custodia.identity.TestAccounts;
import org.custodia.ledger.Ledger;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@CustodiaIntegrationTest
class PolicyDecisionsIntegrationTests {

	@Autowired
	PolicyDecisions decisions;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Ledger ledger;

	record Staff(String agencyCode, Set<Role> roles) implements Actor {

		Staff(String agencyCode, Role... roles) {
			this(agencyCode, Set.of(roles));
		}

		@Override
		public UUID userId() {
			return new UUID(1, 1);
		}

		@Override
		public String username() {
			return "staff";
		}

		@Override
		public Optional<String> agency() {
			return Optional.of(agencyCode);
		}
	}

	@Test
	void caseHandlerViewsDirectlyButCopyingNeedsTheLegalHead() {
		Decision view = decisions.decide(new Staff("pingdingshan-culture", Role.OFFICER), Action.VIEW_OWN_CASE, "pingdingshan-culture");
		assertThat(view.outcome()).isEqualTo(Decision.Outcome.ALLOWED);
		assertThat(view.citation()).isEqualTo("001-access art. 4");

		Decision copy = decisions.decide(new Staff("pingdingshan-culture", Role.OFFICER), Action.COPY, "pingdingshan-culture");
		assertThat(copy.outcome()).isEqualTo(Decision.Outcome.NEEDS_APPROVAL);
		assertThat(copy.approver()).isEqualTo(Role.LEGAL_HEAD);
		assertThat(copy.citation()).isEqualTo("001-access art. 4");

		assertThat(decisions.decide(new Staff("pingdingshan-culture", Role.LEGAL_HEAD), Action.COPY, "pingdingshan-culture")
			.isAllowed()).isTrue();
	}

	@Test
	void otherStaffNeedTheChiefOrTheLeaderInChargeAsTheirAgencySays() {
		Decision zhanhe = decisions.decide(new Staff("zhanhe-health", Role.SUPERVISOR), Action.VIEW, "zhanhe-health");
		assertThat(zhanhe.approver()).isEqualTo(Role.CHIEF);
		assertThat(zhanhe.citation()).isEqualTo("003-access art. 5");

		Decision fengnan = decisions.decide(new Staff("fengnan-medins", Role.SUPERVISOR), Action.VIEW, "fengnan-medins");
		assertThat(fengnan.approver()).isEqualTo(Role.LEADER_IN_CHARGE);
		assertThat(fengnan.citation()).contains("002 art. 16");
	}

	@Test
	void publicUseNeedsTheChiefAndOriginalsCannotBeModifiedByAnyone() {
		Decision publicUse = decisions.decide(new Staff("neiqiu-health", Role.OFFICER), Action.PUBLIC_USE, "neiqiu-health");
		assertThat(publicUse.outcome()).isEqualTo(Decision.Outcome.NEEDS_APPROVAL);
		assertThat(publicUse.citation()).isEqualTo("000 art. 17");
		for (Role role : Role.values()) {
			Decision modify = decisions.decide(new Staff("kaifeng-audit", role), Action.MODIFY_ORIGINAL, "kaifeng-audit");
			assertThat(modify.outcome()).isEqualTo(Decision.Outcome.REFUSED);
		}
		assertThat(decisions.decide(new Staff("kaifeng-audit", Role.CHIEF), Action.MODIFY_ORIGINAL, "kaifeng-audit")
			.citation()).isEqualTo("004 art. 11");
	}

	@Test
	void administratorIsRefusedEveryFootageActionButManagesUsers() {
		Staff administrator = new Staff("neiqiu-health", Role.ADMINISTRATOR);
		for (Action action : Action.values()) {
			Decision decision = decisions.decide(administrator, action, "neiqiu-health");
			if (action.touchesFootage()) {
				assertThat(decision.outcome()).as(action.name()).isEqualTo(Decision.Outcome.REFUSED);
				assertThat(decision.rule()).isEqualTo("administrator-no-footage");
			}
			else {
				assertThat(decision.isAllowed()).as(action.name()).isTrue();
			}
		}
		assertThat(decisions.decide(new Staff("neiqiu-health", Role.CHIEF), Action.MANAGE_USERS, "neiqiu-health")
			.outcome()).isEqualTo(Decision.Outcome.REFUSED);
	}

	@Test
	void anotherAgencysRecordsAreRefused() {
		Decision decision = decisions.decide(new Staff("neiqiu-health", Role.CHIEF), Action.VIEW, "kaifeng-audit");
		assertThat(decision.outcome()).isEqualTo(Decision.Outcome.REFUSED);
		assertThat(decision.rule()).isEqualTo("tenant-isolation");
	}

	/** 001 art. 15: "音像记录设备记录的声像资料保存期限为X个月" — the agency fills in the months before anything goes. */
	@Test
	void nothingIsDisposedOfWhileTheRetentionPeriodIsOpen() throws Exception {
		Decision refused = decisions.decide(new Staff("pingdingshan-culture", Role.CUSTODIAN), Action.DISPOSE,
				"pingdingshan-culture");
		assertThat(refused.outcome()).isEqualTo(Decision.Outcome.REFUSED);
		assertThat(refused.rule()).isEqualTo("retention-not-set");
		assertThat(refused.citation()).isEqualTo("001 art. 15");

		String admin = accounts.bearer(mvc, accounts.create("pingdingshan-culture", Role.ADMINISTRATOR));
		mvc.perform(get("/api/v1/agencies/pingdingshan-culture/policy").header("Authorization", admin))
			.andExpect(jsonPath("$.warnings[0]").value("retention-unset"))
			.andExpect(jsonPath("$.retention.source").value("unset"));
	}

	/**
	 * 004 art. 11 and 000 art. 15: "采取输入数据库、刻盘保存等方式完整留存" with no period — kept without end, and no
	 * administrator is asked to invent one; a period comes only from the agency's decision, named by its number and
	 * date, which the ledger keeps and the policy shows.
	 */
	@Test
	void footageTheRegulationKeepsCompleteIsKeptWithoutEndUntilTheAgencyDecidesAPeriod() throws Exception {
		for (String agency : new String[] { "neiqiu-health", "kaifeng-audit" }) {
			Decision refused = decisions.decide(new Staff(agency, Role.CUSTODIAN), Action.DISPOSE, agency);
			assertThat(refused.outcome()).as(agency).isEqualTo(Decision.Outcome.REFUSED);
			assertThat(refused.rule()).as(agency).isEqualTo("retention-kept-complete");
		}
		String admin = accounts.bearer(mvc, accounts.create("kaifeng-audit", Role.ADMINISTRATOR));
		mvc.perform(get("/api/v1/agencies/kaifeng-audit/policy").header("Authorization", admin))
			.andExpect(jsonPath("$.warnings.length()").value(0))
			.andExpect(jsonPath("$.retention.source").value("kept-complete"))
			.andExpect(jsonPath("$.retention.months").doesNotExist());
		mvc.perform(put("/api/v1/agencies/kaifeng-audit/policy/retention").header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON).content("{\"months\":36,\"reason\":\"局党组会议决定\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.rule").value("004 art. 11"))
			.andExpect(jsonPath("$.field").value("decisionNumber"));
		mvc.perform(put("/api/v1/agencies/kaifeng-audit/policy/retention").header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"months\":36,\"reason\":\"局党组会议决定\",\"decisionNumber\":\"汴审发〔2026〕9号\",\"decisionDate\":\"2026-11-10\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.months").value(36))
			.andExpect(jsonPath("$.source").value("administrator"))
			.andExpect(jsonPath("$.decisionNumber").value("汴审发〔2026〕9号"))
			.andExpect(jsonPath("$.decisionDate").value("2026-11-10"));
		assertThat(ledger.entries(0, 100_000)).anyMatch(entry -> entry.action().equals("policy.retention-set")
				&& entry.agency().equals("kaifeng-audit") && entry.payloadJson().contains("汴审发〔2026〕9号")
				&& entry.payloadJson().contains("2026-11-10"));
		mvc.perform(get("/policies").session(accounts.signedIn(mvc, "kaifeng-audit", Role.CHIEF)))
			.andExpect(content().string(containsString("依本单位决定 汴审发〔2026〕9号（2026-11-10）")));

		Decision afterwards = decisions.decide(new Staff("kaifeng-audit", Role.CUSTODIAN), Action.DISPOSE, "kaifeng-audit");
		assertThat(afterwards.outcome()).isEqualTo(Decision.Outcome.NEEDS_APPROVAL);
	}

	@Test
	void aRetentionPeriodTheRegulationFixesCannotBeChangedOrUndercut() throws Exception {
		String zhanhe = accounts.bearer(mvc, accounts.create("zhanhe-health", Role.ADMINISTRATOR));
		mvc.perform(put("/api/v1/agencies/zhanhe-health/policy/retention").header("Authorization", zhanhe)
			.contentType(MediaType.APPLICATION_JSON).content("{\"months\":6,\"reason\":\"shorter\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.rule").value("003 art. 15"));
		String fengnan = accounts.bearer(mvc, accounts.create("fengnan-medins", Role.ADMINISTRATOR));
		mvc.perform(put("/api/v1/agencies/fengnan-medins/policy/retention").header("Authorization", fengnan)
			.contentType(MediaType.APPLICATION_JSON).content("{\"months\":6,\"reason\":\"shorter\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("最少保存 12 个月")));
		String officer = accounts.bearer(mvc, accounts.create("pingdingshan-culture", Role.OFFICER));
		mvc.perform(put("/api/v1/agencies/pingdingshan-culture/policy/retention").header("Authorization", officer)
			.contentType(MediaType.APPLICATION_JSON).content("{\"months\":24,\"reason\":\"x\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(put("/api/v1/agencies/pingdingshan-culture/policy/retention").header("Authorization", fengnan)
			.contentType(MediaType.APPLICATION_JSON).content("{\"months\":24,\"reason\":\"x\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.rule").value(containsString("tenant isolation")));
	}

	@Test
	void decisionEndpointAnswersForARole() throws Exception {
		String officer = accounts.bearer(mvc, accounts.create("zhanhe-health", Role.OFFICER));
		mvc.perform(get("/api/v1/agencies/zhanhe-health/policy/decision").param("role", "officer").param("action", "copy")
			.header("Authorization", officer))
			.andExpect(jsonPath("$.outcome").value("NEEDS_APPROVAL"))
			.andExpect(jsonPath("$.approver").value("LEGAL_HEAD"))
			.andExpect(jsonPath("$.citation").value("003-access art. 4"));
		mvc.perform(get("/api/v1/agencies/zhanhe-health/policy/decision").param("role", "pilot").param("action", "copy")
			.header("Authorization", officer))
			.andExpect(status().isBadRequest());
	}
}
