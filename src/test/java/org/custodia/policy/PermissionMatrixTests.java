package org.custodia.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.custodia.shared.CustodiaProperties;
import org.custodia.shared.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;

/**
 * The shipped role matrix, agency by agency, as a table: loosening or tightening a rule in a policy file
 * fails here until the table says so too. Columns are the roles in this order; a cell is {@code Y}
 * (allowed), {@code .} (refused), or who must approve: {@code C} the chief, {@code L} the leader in
 * charge, {@code B} either of them (a bureau leader, 局领导: 004 arts. 13–14), {@code H} the legal department head. {@code action+relation} rows decide with that relation
 * holding.
 */
class PermissionMatrixTests {

	static final List<Role> COLUMNS = List.of(Role.OFFICER, Role.CUSTODIAN, Role.UNIT_HEAD, Role.LEGAL_HEAD, Role.CHIEF,
			Role.LEADER_IN_CHARGE, Role.SUPERVISOR, Role.ADMINISTRATOR);

	/** The same in every agency. */
	static final String COMMON = """
			                                        off cus uni leg chi lea sup adm
			manage-users                             .   .   .   .   .   .   .   Y
			see-agency                               Y   Y   Y   Y   Y   Y   Y   Y
			manage-devices                           .   Y   .   .   .   .   .   Y
			handle-custody                           .   Y   .   .   .   .   .   .
			carry-device                             Y   .   .   .   .   .   .   .
			report-fault                             Y   Y   .   .   .   .   .   Y
			import                                   .   Y   .   .   .   .   .   .
			see-recordings                           Y   Y   Y   Y   Y   Y   Y   .
			see-missing-originals                    .   Y   .   Y   .   .   Y   .
			play-back                                .   .   .   .   .   .   .   .
			make-watermarked-copy                    .   .   .   .   .   .   .   .
			modify-original                          .   .   .   .   .   .   .   .
			mark-long-term                           Y   Y   Y   Y   .   .   .   .
			see-activities                           Y   Y   Y   Y   Y   Y   Y   .
			record-activities                        Y   Y   Y   .   .   .   .   .
			confirm-recordings                       .   Y   Y   .   .   .   .   .
			confirm-recordings+activity-participant  Y   Y   Y   .   .   .   .   .
			file-work-record                         .   Y   .   .   .   .   .   .
			review-statements                        .   .   Y   Y   .   .   Y   .
			see-ledger                               .   .   .   .   .   .   Y   Y
			check-four-properties                    .   Y   Y   Y   Y   Y   .   Y
			""";

	/** Where the agencies' regulations differ: access, approvals, disposal, the work record's reviewer. */
	static final Map<String, String> BY_AGENCY = Map.of("neiqiu-health", """
			view-own-case                            C   C   C   C   Y   C   C   .
			view                                     C   C   C   C   Y   C   C   .
			copy                                     .   .   .   .   .   .   .   .
			public-use                               B   B   B   B   Y   Y   B   .
			dispose                                  .   .   .   .   .   .   .   .
			review-work-record                       .   .   Y   .   .   .   .   .
			""", "pingdingshan-culture", """
			view-own-case                            Y   Y   Y   Y   Y   Y   Y   .
			view                                     C   C   C   C   Y   C   C   .
			copy                                     H   H   H   Y   H   H   H   .
			public-use                               C   C   C   C   Y   C   C   .
			dispose                                  .   .   .   .   .   .   .   .
			review-work-record                       .   .   .   .   Y   .   .   .
			""", "fengnan-medins", """
			view-own-case                            L   L   L   L   L   Y   L   .
			view                                     L   L   L   L   L   Y   L   .
			copy                                     .   .   .   .   .   .   .   .
			public-use                               L   L   L   L   L   Y   L   .
			dispose                                  .   H   .   .   .   .   .   .
			review-work-record                       .   .   .   .   .   Y   .   .
			""", "zhanhe-health", """
			view-own-case                            Y   Y   Y   Y   Y   Y   Y   .
			view                                     C   C   C   C   Y   C   C   .
			copy                                     H   H   H   Y   H   H   H   .
			public-use                               C   C   C   C   Y   C   C   .
			dispose                                  .   H   .   .   .   .   .   .
			review-work-record                       .   .   .   .   Y   .   .   .
			""", "kaifeng-audit", """
			view-own-case                            B   B   B   B   Y   Y   B   .
			view                                     B   B   B   B   Y   Y   B   .
			copy                                     .   .   .   .   .   .   .   .
			public-use                               B   B   B   B   Y   Y   B   .
			dispose                                  .   .   .   .   .   .   .   .
			review-work-record                       .   .   .   .   .   Y   .   .
			""");

	@TempDir
	Path dataDir;

	record Staff(String code, Set<Role> roles) implements Actor {

		@Override
		public UUID userId() {
			return new UUID(2, 2);
		}

		@Override
		public String username() {
			return "staff";
		}

		@Override
		public Optional<String> agency() {
			return Optional.of(code);
		}
	}

	@Test
	void everyShippedPolicyDecidesAsTheTableSays() {
		PolicyDecisions decisions = decisions();
		for (Map.Entry<String, String> agency : BY_AGENCY.entrySet()) {
			List<String> rows = new ArrayList<>(COMMON.lines().skip(1).toList());
			rows.addAll(agency.getValue().lines().toList());
			List<Action> covered = new ArrayList<>();
			for (String row : rows) {
				String[] cells = row.trim().split("\\s+");
				String[] actionAndRelation = cells[0].split("\\+");
				Action action = Action.fromCode(actionAndRelation[0]);
				Facts facts = actionAndRelation.length == 1 ? Facts.none() : Facts.of(Relation.fromCode(actionAndRelation[1]), true);
				covered.add(action);
				for (int column = 0; column < COLUMNS.size(); column++) {
					Role role = COLUMNS.get(column);
					Decision decision = decisions.decide(new Staff(agency.getKey(), Set.of(role)), action, agency.getKey(), facts);
					assertThat(code(decision)).as("%s: %s as %s", agency.getKey(), cells[0], role.code())
						.isEqualTo(cells[column + 1]);
					assertThat(decision.citation()).as("%s: %s", agency.getKey(), cells[0]).isNotBlank();
				}
			}
			assertThat(covered).as(agency.getKey()).containsAll(Arrays.asList(Action.values()));
		}
	}

	@Test
	void aUserWithoutRolesSeesTheRegisterButWatchesOnlyThroughAnAccessRequest() {
		PolicyDecisions decisions = decisions();
		Staff nobody = new Staff("zhanhe-health", Set.of());
		assertThat(decisions.decide(nobody, Action.SEE_RECORDINGS, "zhanhe-health").isAllowed()).isTrue();
		assertThat(decisions.decide(nobody, Action.IMPORT, "zhanhe-health").rule()).isEqualTo("import-by-custodian");
		Decision watch = decisions.decide(nobody, Action.PLAY_BACK, "zhanhe-health");
		assertThat(watch.rule()).isEqualTo("playback-by-access-request");
		assertThat(watch.citation()).isEqualTo("003-access art. 4; 003-access art. 5");
	}

	@Test
	void aRelationIsLookedUpOnlyForAGrantThatAsksForIt() {
		PolicyDecisions decisions = decisions();
		Facts failsWhenAsked = Facts.none().and(Relation.ACTIVITY_PARTICIPANT, () -> {
			throw new AssertionError("the activity's officers were looked up for a unit head, whose grant asks for none");
		});
		assertThat(decisions.decide(new Staff("neiqiu-health", Set.of(Role.UNIT_HEAD)), Action.CONFIRM_RECORDINGS,
				"neiqiu-health", failsWhenAsked).isAllowed()).isTrue();
		Facts notAParticipant = Facts.none().and(Relation.ACTIVITY_PARTICIPANT, () -> false);
		assertThat(decisions.decide(new Staff("neiqiu-health", Set.of(Role.OFFICER)), Action.CONFIRM_RECORDINGS,
				"neiqiu-health", notAParticipant).rule()).isEqualTo("activity-participants");
	}

	@Test
	void aRoleNamedByAnotherIsJudgedByHisRolesAndTheAdministratorNeverCarriesADevice() {
		PolicyDecisions decisions = decisions();
		assertThat(decisions.decideFor("kaifeng-audit", Set.of(Role.OFFICER), Action.CARRY_DEVICE).isAllowed()).isTrue();
		Decision custodian = decisions.decideFor("kaifeng-audit", Set.of(Role.CUSTODIAN), Action.CARRY_DEVICE);
		assertThat(custodian.rule()).isEqualTo("device-to-officers-only");
		assertThat(custodian.citation()).isEqualTo("004 art. 7; 004 art. 8");
		assertThat(decisions.decideFor("kaifeng-audit", Set.of(Role.ADMINISTRATOR), Action.CARRY_DEVICE).rule())
			.isEqualTo("administrator-no-footage");
	}

	@Test
	void aPersonWhoseRolesFallShortIsAConflictNamingHimButTheAdministratorStaysForbidden() {
		PolicyDecisions decisions = decisions();
		assertThatThrownBy(() -> decisions.decideFor("neiqiu-health", Set.of(Role.CUSTODIAN), Action.CARRY_DEVICE)
			.orRefuseNaming("zhang.san"))
			.isInstanceOfSatisfying(CustodiaException.class, e -> {
				assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
				assertThat(e.messageKey()).isEqualTo("rule.device-to-officers-only");
				assertThat(e.arguments()).containsExactly("zhang.san");
				assertThat(e.citation()).isEqualTo("000 art. 9; 000 art. 12");
			});
		assertThatThrownBy(() -> decisions.decideFor("neiqiu-health", Set.of(Role.ADMINISTRATOR), Action.CARRY_DEVICE)
			.orRefuseNaming("admin"))
			.isInstanceOfSatisfying(CustodiaException.class, e -> {
				assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN);
				assertThat(e.citation()).isEqualTo(PolicyDecisions.SEPARATION_OF_DUTIES);
			});
	}

	@Test
	void theInstallationAdministratorReadsTheLedgerBecauseEveryAgencyAllowsIt() {
		Actor installation = new Actor() {

			@Override
			public UUID userId() {
				return new UUID(3, 3);
			}

			@Override
			public String username() {
				return "admin";
			}

			@Override
			public Optional<String> agency() {
				return Optional.empty();
			}

			@Override
			public Set<Role> roles() {
				return Set.of(Role.ADMINISTRATOR);
			}
		};
		PolicyDecisions decisions = decisions();
		assertThat(decisions.decideAcrossAgencies(installation, Action.SEE_LEDGER).isAllowed()).isTrue();
		assertThat(decisions.decideAcrossAgencies(installation, Action.SEE_MISSING_ORIGINALS).rule())
			.isEqualTo("administrator-no-footage");
		assertThat(decisions.decideAcrossAgencies(new Staff("fengnan-medins", Set.of(Role.CHIEF)), Action.SEE_LEDGER).rule())
			.isEqualTo("ledger-auditors-only");
	}

	@Test
	void anOverrideInTheDataDirectoryChangesWhoMayAct() throws IOException {
		Staff supervisor = new Staff("pingdingshan-culture", Set.of(Role.SUPERVISOR));
		assertThat(decisions().decide(supervisor, Action.MARK_LONG_TERM, "pingdingshan-culture").outcome())
			.isEqualTo(Decision.Outcome.REFUSED);

		String shipped = PolicyFileReaderTests.shipped("pingdingshan-culture");
		String widened = shipped.replace("      - {roles: [officer, unit-head, legal-head, custodian]}",
				"      - {roles: [officer, unit-head, legal-head, custodian]}\n      - {roles: [supervisor], approver: legal-head}");
		assertThat(widened).isNotEqualTo(shipped);
		Files.createDirectories(dataDir.resolve("policies"));
		Files.writeString(dataDir.resolve("policies/pingdingshan-culture.yaml"), widened);

		PolicyDecisions overridden = decisions();
		Decision decision = overridden.decide(supervisor, Action.MARK_LONG_TERM, "pingdingshan-culture");
		assertThat(decision.outcome()).isEqualTo(Decision.Outcome.NEEDS_APPROVAL);
		assertThat(decision.approver()).isEqualTo(Role.LEGAL_HEAD);
		assertThat(decision.citation()).isEqualTo("001 art. 15");
		assertThat(overridden.decide(new Staff("zhanhe-health", Set.of(Role.SUPERVISOR)), Action.MARK_LONG_TERM,
				"zhanhe-health").outcome()).isEqualTo(Decision.Outcome.REFUSED);
	}

	@Test
	void everyRuleARefusalCanNameHasAMessageInBothLanguages() throws IOException {
		Properties chinese = bundle("messages.properties");
		Properties english = bundle("messages_en.properties");
		for (AgencyPolicy policy : policies().all()) {
			for (PermissionRules.Rule rule : PermissionRules.of(policy).values()) {
				assertThat(chinese).containsKey("action." + rule.action().code());
				assertThat(english).containsKey("action." + rule.action().code());
				boolean refusable = rule.grants().stream().noneMatch(grant -> grant.anyone() && grant.relations().isEmpty());
				if (!refusable) {
					continue;
				}
				assertThat(chinese).as(policy.code() + " " + rule.action()).containsKey("rule." + rule.rule());
				assertThat(english).as(policy.code() + " " + rule.action()).containsKey("rule." + rule.rule());
			}
		}
	}

	private Policies policies() {
		return new Policies(new CustodiaProperties(dataDir, false), PolicyFileReaderTests.VALIDATOR);
	}

	/** Decisions over the policies of the data directory; the retention period is what the regulation sets. */
	private PolicyDecisions decisions() {
		Policies policies = policies();
		return new PolicyDecisions(policies, code -> {
			AgencyPolicy.Retention rule = policies.of(code).retention();
			return new RetentionPeriods.Effective(Optional.ofNullable(rule.baseMonths()),
					rule.baseMonths() != null ? RetentionPeriods.Source.REGULATION
							: rule.keptComplete() ? RetentionPeriods.Source.KEPT_COMPLETE : RetentionPeriods.Source.UNSET,
					rule.baseStatus(),
					rule.minimum(), rule.cite(), null, null, null, null, null);
		});
	}

	private static String code(Decision decision) {
		return switch (decision.outcome()) {
			case ALLOWED -> "Y";
			case REFUSED -> ".";
			case NEEDS_APPROVAL -> decision.approvers().equals(List.of(Role.CHIEF, Role.LEADER_IN_CHARGE)) ? "B"
					: switch (decision.approver()) {
				case CHIEF -> "C";
				case LEADER_IN_CHARGE -> "L";
				case LEGAL_HEAD -> "H";
				default -> decision.approver().code();
					};
		};
	}

	private static Properties bundle(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = PermissionMatrixTests.class.getResourceAsStream("/" + name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}
}
