package org.custodia.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.custodia.device.DeviceKind;
import org.custodia.device.DeviceRegister;
import org.custodia.device.NewDevice;
import org.custodia.identity.TestAccounts;
import org.custodia.ingest.ImportResult;
import org.custodia.ingest.RecordingImports;
import org.custodia.ledger.Disagreement;
import org.custodia.ledger.Ledger;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.Role;
import org.custodia.shared.TestDatabases;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A recording imported with no officer (its device held by nobody at its time) gets one from the custodian,
 * with a reason, as a ledger entry the register is held to; nobody else may name one, and only an officer of
 * the agency can be named.
 */
@CustodiaIntegrationTest
class OfficerCorrectionIntegrationTests {

	static final String AGENCY = "fengnan-medins";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	DeviceRegister devices;

	@Autowired
	RecordingImports imports;

	@Autowired
	RecordingRegister register;

	@Autowired
	Ledger ledger;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theCustodianNamesTheMissingOfficerWithAReasonAndTheLedgerHoldsTheRegisterToIt() throws Exception {
		MockHttpSession custodianSession = accounts.signedIn(mvc, AGENCY, Role.CUSTODIAN);
		Actor custodian = accounts.account(custodianSession);
		String number = "FNO-" + System.nanoTime() % 100000;
		devices.register(custodian, new NewDevice(AGENCY, number, DeviceKind.BODY_CAMERA, null, null, null, null, null,
				null, null, null, null, null));
		Path folder = TestDatabases.newDataDirectory().resolve("DCIM");
		Files.createDirectories(folder);
		byte[] content = new byte[2048];
		new Random(42).nextBytes(content);
		Files.write(folder.resolve("clip.mp4"), content);
		List<RecordingImports.Outcome> outcomes = imports.importFolder(custodian, AGENCY, number, null, folder);
		assertThat(outcomes).extracting(RecordingImports.Outcome::result).containsExactly(ImportResult.STORED);
		UUID recording = outcomes.get(0).recordingId();
		assertThat(register.keptBy(AGENCY, recording).officerId()).as("nobody held the device").isNull();

		MockHttpSession officerSession = accounts.signedIn(mvc, AGENCY, Role.OFFICER);
		Actor officer = accounts.account(officerSession);
		UUID officerId = officer.userId();
		String custodianToken = accounts.bearer(mvc, custodian.username(), TestAccounts.PASSWORD + "-new");
		String body = "{\"officerId\":\"%s\",\"reason\":\"%s\"}";
		// no reason, another agency's officer, someone who is no officer: refused, nothing changed
		mvc.perform(put("/api/v1/recordings/" + recording + "/officer").header("Authorization", custodianToken)
			.contentType(MediaType.APPLICATION_JSON).content(body.formatted(officerId, " ")))
			.andExpect(status().isBadRequest());
		UUID stranger = accounts.idOf(accounts.create("kaifeng-audit", Role.OFFICER));
		mvc.perform(put("/api/v1/recordings/" + recording + "/officer").header("Authorization", custodianToken)
			.contentType(MediaType.APPLICATION_JSON).content(body.formatted(stranger, "设备未登记发放")))
			.andExpect(status().isBadRequest());
		UUID legalHead = accounts.idOf(accounts.create(AGENCY, Role.LEGAL_HEAD));
		mvc.perform(put("/api/v1/recordings/" + recording + "/officer").header("Authorization", custodianToken)
			.contentType(MediaType.APPLICATION_JSON).content(body.formatted(legalHead, "设备未登记发放")))
			.andExpect(status().isBadRequest());
		// the officer himself may not name anyone: the custodian does
		String officerToken = accounts.bearer(mvc, officer.username(), TestAccounts.PASSWORD + "-new");
		mvc.perform(put("/api/v1/recordings/" + recording + "/officer").header("Authorization", officerToken)
			.contentType(MediaType.APPLICATION_JSON).content(body.formatted(officerId, "我录的")))
			.andExpect(status().isForbidden());
		assertThat(register.keptBy(AGENCY, recording).officerId()).isNull();

		mvc.perform(put("/api/v1/recordings/" + recording + "/officer").header("Authorization", custodianToken)
			.contentType(MediaType.APPLICATION_JSON).content(body.formatted(officerId, "发放时未登记，经本人确认")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.officerId").value(officerId.toString()));
		assertThat(register.keptBy(AGENCY, recording).officerId()).isEqualTo(officerId);
		assertThat(ledger.about(AGENCY, List.of(recording.toString()), 100))
			.filteredOn(entry -> entry.action().equals("recording.officer-corrected"))
			.singleElement()
			.satisfies(entry -> assertThat(entry.payload()).containsEntry("officer", officerId.toString())
				.containsEntry("from", "").containsEntry("reason", "发放时未登记，经本人确认"));
		assertThat(register.disagreementsWithLedger(register.keptBy(AGENCY, recording))).isEmpty();

		// an officer changed in the table behind the ledger's back is found
		jdbc.sql("update recording_recording set officer_id = :other where id = :id").param("other", legalHead)
			.param("id", recording).update();
		assertThat(register.disagreementsWithLedger(register.keptBy(AGENCY, recording)))
			.extracting(Disagreement::field).containsExactly("officerId");
		jdbc.sql("update recording_recording set officer_id = :officer where id = :id").param("officer", officerId)
			.param("id", recording).update();

		// the page: the link only for the custodian, the form, a refusal kept on the form, the correction back on the player
		assertThat(mvc.perform(get("/recordings/" + recording).session(officerSession)).andReturn().getResponse()
			.getContentAsString()).doesNotContain("id=\"correct-officer\"");
		assertThat(mvc.perform(get("/recordings/" + recording).session(custodianSession)).andReturn().getResponse()
			.getContentAsString()).contains("id=\"correct-officer\"");
		mvc.perform(get("/recordings/" + recording + "/officer").session(custodianSession))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(Matchers.containsString("更正理由")));
		UUID second = accounts.idOf(accounts.create(AGENCY, Role.OFFICER));
		mvc.perform(post("/recordings/" + recording + "/officer").session(custodianSession).with(csrf())
			.param("officerId", second.toString()).param("reason", ""))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("error", Matchers.containsString("更正理由")));
		mvc.perform(post("/recordings/" + recording + "/officer").session(custodianSession).with(csrf())
			.param("officerId", second.toString()).param("reason", "录制人为同组另一名执法人员"))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("notice", Matchers.containsString("已更正")));
		assertThat(register.keptBy(AGENCY, recording).officerId()).isEqualTo(second);
		assertThat(register.disagreementsWithLedger(register.keptBy(AGENCY, recording))).isEmpty();
		assertThat(Map.of("rows", jdbc.sql("select count(*) from recording_recording where id = :id").param("id", recording)
			.query(Long.class).single())).containsEntry("rows", 1L);
	}
}
