package org.custodia.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.custodia.shared.CustodiaProperties;
import org.custodia.shared.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may watch, copy, print or publicly use a recording, agency by agency, requester by requester, as the shipped
 * policies answer it, each with its article. A cell is {@code Y} (no approval: at once for the case handler, after
 * the keeper checks the documents for an outsider), who approves ({@code C} the chief, {@code L} the leader in
 * charge, {@code B} either, {@code H} the legal department head) or {@code .} refused; then the article.
 */
class AccessMatrixTests {

	static final Map<String, String> TABLE = Map.of("neiqiu-health", """
			case-handler              watch   C 000 art. 15
			case-handler              copy    . 000 art. 15
			case-handler              print   . 000 art. 15
			case-handler              public  B 000 art. 17
			other-staff               watch   C 000 art. 15
			other-staff               copy    . 000 art. 15
			other-staff               print   . 000 art. 15
			other-staff               public  B 000 art. 17
			judicial-and-supervisory  watch   C 000 art. 18
			judicial-and-supervisory  copy    C 000 art. 15
			judicial-and-supervisory  print   C 000 art. 15
			judicial-and-supervisory  public  B 000 art. 17
			party-or-lawyer           watch   C 000 art. 15
			party-or-lawyer           copy    C 000 art. 15
			party-or-lawyer           print   C 000 art. 15
			party-or-lawyer           public  B 000 art. 17
			other-enforcement-body    watch   C 000 art. 15
			other-enforcement-body    copy    C 000 art. 15
			other-enforcement-body    print   C 000 art. 15
			other-enforcement-body    public  B 000 art. 17
			""", "pingdingshan-culture", """
			case-handler              watch   Y 001-access art. 4
			case-handler              copy    H 001-access art. 4
			case-handler              print   H 001-access art. 4
			case-handler              public  C 001-access art. 3; 001 art. 14
			other-staff               watch   C 001-access art. 5
			other-staff               copy    . 001-access art. 5
			other-staff               print   . 001-access art. 5
			other-staff               public  C 001-access art. 3; 001 art. 14
			judicial-and-supervisory  watch   Y 001-access art. 6
			judicial-and-supervisory  copy    Y 001-access art. 6
			judicial-and-supervisory  print   Y 001-access art. 6
			judicial-and-supervisory  public  C 001-access art. 3; 001 art. 14
			party-or-lawyer           watch   C 001-access art. 7
			party-or-lawyer           copy    . 001-access art. 7
			party-or-lawyer           print   . 001-access art. 7
			party-or-lawyer           public  C 001-access art. 3; 001 art. 14
			other-enforcement-body    watch   C 001-access art. 8
			other-enforcement-body    copy    C 001-access art. 8
			other-enforcement-body    print   C 001-access art. 8
			other-enforcement-body    public  C 001-access art. 3; 001 art. 14
			""", "fengnan-medins", """
			case-handler              watch   L 002 art. 16
			case-handler              copy    . 002 art. 16
			case-handler              print   . 002 art. 16
			case-handler              public  L 002 art. 18; 002 art. 19
			other-staff               watch   L 002 art. 16; 002 art. 17
			other-staff               copy    . 002 art. 16; 002 art. 17
			other-staff               print   . 002 art. 16; 002 art. 17
			other-staff               public  L 002 art. 18; 002 art. 19
			judicial-and-supervisory  watch   L 002 art. 17; 002 art. 18
			judicial-and-supervisory  copy    L 002 art. 18
			judicial-and-supervisory  print   L 002 art. 18
			judicial-and-supervisory  public  L 002 art. 18; 002 art. 19
			party-or-lawyer           watch   L 002 art. 16; 002 art. 18
			party-or-lawyer           copy    L 002 art. 18
			party-or-lawyer           print   L 002 art. 18
			party-or-lawyer           public  L 002 art. 18; 002 art. 19
			other-enforcement-body    watch   L 002 art. 16; 002 art. 18
			other-enforcement-body    copy    L 002 art. 18
			other-enforcement-body    print   L 002 art. 18
			other-enforcement-body    public  L 002 art. 18; 002 art. 19
			""", "zhanhe-health", """
			case-handler              watch   Y 003-access art. 4
			case-handler              copy    H 003-access art. 4
			case-handler              print   H 003-access art. 4
			case-handler              public  C 003-access art. 3; 003 art. 14
			other-staff               watch   C 003-access art. 5
			other-staff               copy    . 003-access art. 5
			other-staff               print   . 003-access art. 5
			other-staff               public  C 003-access art. 3; 003 art. 14
			judicial-and-supervisory  watch   Y 003-access art. 6
			judicial-and-supervisory  copy    Y 003-access art. 6
			judicial-and-supervisory  print   Y 003-access art. 6
			judicial-and-supervisory  public  C 003-access art. 3; 003 art. 14
			party-or-lawyer           watch   C 003-access art. 7
			party-or-lawyer           copy    . 003-access art. 7
			party-or-lawyer           print   . 003-access art. 7
			party-or-lawyer           public  C 003-access art. 3; 003 art. 14
			other-enforcement-body    watch   C 003-access art. 8
			other-enforcement-body    copy    C 003-access art. 8
			other-enforcement-body    print   C 003-access art. 8
			other-enforcement-body    public  C 003-access art. 3; 003 art. 14
			""", "kaifeng-audit", """
			case-handler              watch   B 004 art. 11
			case-handler              copy    . 004 art. 11
			case-handler              print   . 004 art. 11
			case-handler              public  B 004 art. 13; 004 art. 15
			other-staff               watch   B 004 art. 11
			other-staff               copy    . 004 art. 11
			other-staff               print   . 004 art. 11
			other-staff               public  B 004 art. 13; 004 art. 15
			judicial-and-supervisory  watch   B 004 art. 14
			judicial-and-supervisory  copy    B 004 art. 11
			judicial-and-supervisory  print   B 004 art. 11
			judicial-and-supervisory  public  B 004 art. 13; 004 art. 15
			party-or-lawyer           watch   B 004 art. 11
			party-or-lawyer           copy    B 004 art. 11
			party-or-lawyer           print   B 004 art. 11
			party-or-lawyer           public  B 004 art. 13; 004 art. 15
			other-enforcement-body    watch   B 004 art. 11
			other-enforcement-body    copy    B 004 art. 11
			other-enforcement-body    print   B 004 art. 11
			other-enforcement-body    public  B 004 art. 13; 004 art. 15
			""");

	@TempDir
	Path dataDir;

	@Test
	void everyAgencyAnswersEachRequesterAndUseAsTheTableSaysWithItsArticle() {
		AccessMatrix matrix = new AccessMatrix(new Policies(new CustodiaProperties(dataDir, false), PolicyFileReaderTests.VALIDATOR));
		for (Map.Entry<String, String> agency : TABLE.entrySet()) {
			List<String> seen = new ArrayList<>();
			for (String line : agency.getValue().lines().toList()) {
				String[] cells = line.trim().split("\\s+", 4);
				AccessMatrix.Requester requester = AccessMatrix.Requester.fromCode(cells[0]).orElseThrow();
				AccessMatrix.Use use = cells[1].equals("public") ? AccessMatrix.Use.PUBLIC_USE
						: AccessMatrix.Use.fromCode(cells[1]).orElseThrow();
				Decision decision = matrix.answer(agency.getKey(), requester, use, false).decision();
				assertThat(code(decision) + " " + decision.citation()).as("%s: %s %s", agency.getKey(), cells[0], cells[1])
					.isEqualTo(cells[2] + " " + cells[3]);
				seen.add(requester + "/" + use);
			}
			assertThat(seen).as(agency.getKey()).hasSize(AccessMatrix.Requester.values().length * AccessMatrix.Use.values().length)
				.doesNotHaveDuplicates();
		}
	}

	@Test
	void aLawyerBringsHisThreeDocumentsBesidesTheLetterAndTheId() {
		AccessMatrix matrix = new AccessMatrix(new Policies(new CustodiaProperties(dataDir, false), PolicyFileReaderTests.VALIDATOR));
		assertThat(matrix.answer("pingdingshan-culture", AccessMatrix.Requester.PARTY_OR_LAWYER, AccessMatrix.Use.WATCH, false)
			.documents()).containsExactly("letter-of-introduction", "applicant-id");
		assertThat(matrix.answer("pingdingshan-culture", AccessMatrix.Requester.PARTY_OR_LAWYER, AccessMatrix.Use.WATCH, true)
			.documents()).containsExactly("letter-of-introduction", "applicant-id", "power-of-attorney", "authorisation",
					"practising-licence");
		assertThat(matrix.answer("zhanhe-health", AccessMatrix.Requester.CASE_HANDLER, AccessMatrix.Use.WATCH, false)
			.onSiteOnly()).as("003-access art. 4: nothing leaves the archive").isTrue();
		assertThat(matrix.registerKeeper("fengnan-medins")).isEqualTo(Role.CUSTODIAN);
		assertThat(matrix.grantValidity("kaifeng-audit")).hasDays(7);
	}

	static String code(Decision decision) {
		return switch (decision.outcome()) {
			case ALLOWED -> "Y";
			case REFUSED -> ".";
			case NEEDS_APPROVAL -> decision.approvers().stream().map(AccessMatrixTests::letter).sorted()
				.collect(Collectors.joining()).replace("CL", "B");
		};
	}

	private static String letter(Role role) {
		return switch (role) {
			case CHIEF -> "C";
			case LEADER_IN_CHARGE -> "L";
			case LEGAL_HEAD -> "H";
			default -> role.code();
		};
	}
}
