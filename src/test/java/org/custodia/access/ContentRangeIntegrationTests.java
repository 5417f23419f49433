package org.custodia.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.custodia.device.DeviceKind;
import org.custodia.device.DeviceRegister;
import org.custodia.device.NewDevice;
import org.custodia.identity.TestAccounts;
import org.custodia.ingest.RecordingImports;
import org.custodia.media.DerivedCopies;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.EventDeliveries;
import org.custodia.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * A broken or repeated Range header on the original or a derived copy is a 416 problem detail with
 * {@code Content-Range: bytes *}{@code /<size>}, never an error page; of several ranges the first is served.
 */
@CustodiaIntegrationTest
class ContentRangeIntegrationTests {

	static final String AGENCY = "fengnan-medins";

	/** Each broken in its own way; the last is refused by the security firewall before the controller reads it. */
	static final List<String> BROKEN = List.of("bytes=abc", "bytes=5-2", "bytes=--1", "bytes=", "bytes=0-1,x",
			"bytes=\u0085-1");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	DeviceRegister devices;

	@Autowired
	RecordingImports imports;

	@Autowired
	DerivedCopies copies;

	@Autowired
	EventPublicationRegistry events;

	@Test
	void brokenAndRepeatedRangesAre416ProblemsAndSeveralRangesServeTheFirst() throws Exception {
		MockHttpSession officer = accounts.signedIn(mvc, AGENCY, Role.OFFICER);
		Actor custodian = accounts.account(accounts.signedIn(mvc, AGENCY, Role.CUSTODIAN));
		String number = "RG-" + UUID.randomUUID().toString().substring(0, 8);
		devices.register(custodian, new NewDevice(AGENCY, number, DeviceKind.BODY_CAMERA, null, null, null, null, null, null,
				null, null, null, null));
		AccessFixtures.Card card = AccessFixtures.cardWith("sample_mpeg4.mp4", "range.mp4");
		UUID recording = imports.importFolder(custodian, AGENCY, number, accounts.account(officer).userId(), card.folder())
			.get(0).recordingId();
		Approvals.approved(mvc, accounts, AGENCY, officer, java.util.List.of(recording), "WATCH");
		String content = "/api/v1/recordings/" + recording + "/content";
		long size = card.bytes().length;

		for (String broken : BROKEN) {
			refused(content, size, officer, broken);
		}
		mvc.perform(get(content).session(officer).header("Range", "bytes=0-1", "bytes=5-9"))
			.andExpect(status().isRequestedRangeNotSatisfiable())
			.andExpect(header().string("Content-Range", "bytes */" + size))
			.andExpect(jsonPath("$.detail").value(containsString("给出了不止一次")));
		mvc.perform(head(content).session(officer).header("Range", "bytes=abc"))
			.andExpect(status().isRequestedRangeNotSatisfiable())
			.andExpect(header().string("Content-Range", "bytes */" + size));
		mvc.perform(get(content).session(officer).header("Range", "bytes=99999999999999999999999-"))
			.andExpect(status().isRequestedRangeNotSatisfiable())
			.andExpect(header().string("Content-Range", "bytes */" + size))
			.andExpect(jsonPath("$.detail").value(containsString("超出了文件长度（" + size + " 字节）")));

		byte[] first = mvc.perform(get(content).session(officer).header("Range", "bytes=2-5,100-200"))
			.andExpect(status().isPartialContent())
			.andExpect(header().string("Content-Range", "bytes 2-5/" + size))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(first).isEqualTo(Arrays.copyOfRange(card.bytes(), 2, 6));
		byte[] whole = mvc.perform(get(content).session(officer).header("Range", "items=0-1"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(whole).as("a unit it does not know is ignored (RFC 9110 §14.2)").isEqualTo(card.bytes());

		EventDeliveries.awaitAll(events);
		copies.workPending();
		String proxy = JsonPath.read(mvc.perform(get("/api/v1/recordings/" + recording + "/playback").session(officer))
			.andExpect(jsonPath("$.source.kind").value("proxy"))
			.andReturn().getResponse().getContentAsString(), "$.source.url");
		long proxySize = mvc.perform(head(proxy).session(officer)).andExpect(status().isOk())
			.andReturn().getResponse().getContentLengthLong();
		for (String broken : BROKEN) {
			refused(proxy, proxySize, officer, broken);
		}
	}

	private void refused(String url, long size, MockHttpSession session, String range) throws Exception {
		mvc.perform(get(url).session(session).header("Range", range).header("Accept", "text/html,*/*"))
			.andExpect(status().isRequestedRangeNotSatisfiable())
			.andExpect(header().string("Content-Range", "bytes */" + size))
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(jsonPath("$.detail").value(containsString("无法识别")));
	}
}
