package org.custodia.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.custodia.identity.TestAccounts;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/** The ledger's verification holds the registers of activities and work records to the entries that made them. */
@CustodiaIntegrationTest
class ActivityLedgerCheckIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void verificationFindsAnActivityAndAWorkRecordChangedBehindTheLedger() throws Exception {
		String agency = "neiqiu-health";
		String officerName = accounts.create(agency, Role.OFFICER);
		String officer = accounts.bearer(mvc, officerName);
		String leader = accounts.idOf(accounts.create(agency, Role.OFFICER)).toString();
		String unitHead = accounts.idOf(accounts.create(agency, Role.UNIT_HEAD)).toString();
		String activity = JsonPath.read(json(officer, "/api/v1/activities", ActivityIntegrationTests.activity(
				"on-site-inspection", accounts.idOf(officerName).toString(), null, "2026-11-19T01:00:00Z",
				"2026-11-19T02:00:00Z")), "$.id");
		String record = JsonPath.read(json(officer, "/api/v1/activities/" + activity + "/work-records",
				WorkRecordsIntegrationTests.draft("force-majeure", "暴雨导致设备无法使用", "000 art. 8", leader, unitHead)), "$.id");
		String supervisor = accounts.bearer(mvc, accounts.create(agency, Role.SUPERVISOR));
		assertThat(disagreementsAbout(supervisor, activity, record)).isEmpty();

		String place = jdbc.sql("select place from activity_activity where id = :id").param("id", java.util.UUID.fromString(activity))
			.query(String.class).single();
		jdbc.sql("update activity_activity set place = '别处' where id = :id").param("id", java.util.UUID.fromString(activity)).update();
		jdbc.sql("update activity_work_record set basis = '伪造的依据' where id = :id").param("id", java.util.UUID.fromString(record))
			.update();
		try {
			assertThat(disagreementsAbout(supervisor, activity, record)).containsExactlyInAnyOrder(
					Map.of("table", "activity_activity", "id", activity, "field", "place", "ledgerValue", place,
							"tableValue", "别处"),
					Map.of("table", "activity_work_record", "id", record, "field", "basis", "ledgerValue", "000 art. 8",
							"tableValue", "伪造的依据"));
		}
		finally {
			// The test context is shared: other tests verify the ledger and its registers.
			jdbc.sql("update activity_activity set place = :place where id = :id").param("place", place)
				.param("id", java.util.UUID.fromString(activity)).update();
			jdbc.sql("update activity_work_record set basis = '000 art. 8' where id = :id")
				.param("id", java.util.UUID.fromString(record)).update();
		}
	}

	/** The disagreements the verification reports about the two rows, without their entry numbers. */
	private List<Map<String, Object>> disagreementsAbout(String bearer, String activity, String record) throws Exception {
		String report = mvc.perform(post("/api/v1/ledger/verification").header("Authorization", bearer))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		List<Map<String, Object>> all = JsonPath.read(report, "$.disagreements");
		return all.stream()
			.filter(found -> found.get("id").equals(activity) || found.get("id").equals(record))
			.map(found -> {
				Map<String, Object> without = new java.util.HashMap<>(found);
				without.remove("sequence");
				return (Map<String, Object>) without;
			})
			.toList();
	}

	private String json(String bearer, String path, String body) throws Exception {
		return mvc.perform(post(path).header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
	}
}
