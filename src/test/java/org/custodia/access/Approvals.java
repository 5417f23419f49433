package org.custodia.access;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.custodia.identity.TestAccounts;
import org.custodia.shared.Role;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

/**
 * For tests about what happens once someone may watch or copy: a staff member asks with a reason, and the
 * approver the agency's rules name (the leader in charge at Fengnan, the chief elsewhere) approves.
 */
public final class Approvals {

	private Approvals() {
	}

	/** The approver's role for other staff at the agency. */
	public static Role approverOf(String agency) {
		return "fengnan-medins".equals(agency) ? Role.LEADER_IN_CHARGE : Role.CHIEF;
	}

	/**
	 * The holder (a bearer) asks as other staff for {@code uses} of the recordings and a new approver approves;
	 * returns the request's id.
	 */
	public static String approved(MockMvc mvc, TestAccounts accounts, String agency, String holderBearer,
			List<UUID> recordings, String... uses) throws Exception {
		return approved(mvc, accounts, agency, request -> request.header("Authorization", holderBearer), recordings, uses);
	}

	/** As {@link #approved}, for a holder signed in with a browser session. */
	public static String approved(MockMvc mvc, TestAccounts accounts, String agency, MockHttpSession holder,
			List<UUID> recordings, String... uses) throws Exception {
		return approved(mvc, accounts, agency, request -> request.session(holder)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()),
				recordings, uses);
	}

	private static String approved(MockMvc mvc, TestAccounts accounts, String agency,
			UnaryOperator<MockHttpServletRequestBuilder> asHolder, List<UUID> recordings, String... uses) throws Exception {
		String body = "{\"recordings\":[" + recordings.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(","))
				+ "],\"requesterKind\":\"other-staff\",\"reason\":\"测试所需\",\"actions\":["
				+ java.util.Arrays.stream(uses.length == 0 ? new String[] { "WATCH" } : uses).map(use -> "\"" + use + "\"")
					.collect(Collectors.joining(",")) + "]}";
		String request = JsonPath.read(mvc.perform(asHolder.apply(post("/api/v1/access-requests"))
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
		String approver = accounts.bearer(mvc, accounts.create(agency, approverOf(agency)));
		mvc.perform(post("/api/v1/access-requests/" + request + "/decision").header("Authorization", approver)
			.contentType(MediaType.APPLICATION_JSON).content("{\"approved\":true}"))
			.andExpect(status().isOk());
		return request;
	}

	/** As {@link #approved}, for one recording to watch. */
	public static String toWatch(MockMvc mvc, TestAccounts accounts, String agency, String holderBearer, UUID recording)
			throws Exception {
		return approved(mvc, accounts, agency, holderBearer, List.of(recording), "WATCH");
	}

	/**
	 * An approval to watch for a user who has not signed in yet (a browser test signs him in later): asked and
	 * approved through the service, as that user and as a new approver.
	 */
	public static AccessRequest toWatch(AccessRequests requests, TestAccounts accounts, String agency, String holder,
			UUID recording) {
		org.custodia.shared.TestActor asker = new org.custodia.shared.TestActor(accounts.idOf(holder), holder,
				java.util.Optional.of(agency), java.util.Set.of());
		AccessRequest request = requests.submit(asker, new AccessRequests.NewRequest(List.of(recording), null, null,
				"other-staff", null, false, null, "测试所需", List.of("WATCH")));
		String approver = accounts.create(agency, approverOf(agency));
		return requests.decide(new org.custodia.shared.TestActor(accounts.idOf(approver), approver,
				java.util.Optional.of(agency), java.util.Set.of(approverOf(agency))), request.id(),
				new AccessRequests.NewDecision(true, null, null, null));
	}
}
