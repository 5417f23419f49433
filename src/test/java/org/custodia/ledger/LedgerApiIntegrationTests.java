package org.custodia.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.custodia.identity.TestAccounts;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

@CustodiaIntegrationTest
class LedgerApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	LedgerKeys keys;

	@Test
	void servesASignedCheckpointWhoseProofsVerifyAgainstThePublicKey() throws Exception {
		String supervisor = accounts.bearer(mvc, accounts.create("zhanhe-health", Role.SUPERVISOR));
		String note = mvc.perform(post("/api/v1/ledger/checkpoint").header("Authorization", supervisor))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		String verifierKey = mvc.perform(get("/api/v1/ledger/public-key").header("Authorization", supervisor))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		SignedNote.Checkpoint checkpoint = SignedNote.verify(note, SignedNote.VerifierKey.parse(verifierKey)).orElseThrow();
		assertThat(checkpoint.origin()).startsWith("custodia.ledger/");
		mvc.perform(get("/api/v1/ledger/checkpoint").header("Authorization", supervisor))
			.andExpect(content().string(startsWith(checkpoint.origin() + "\n" + checkpoint.size() + "\n")));

		long size = checkpoint.size();
		long index = size / 2;
		String inclusion = mvc.perform(get("/api/v1/ledger/proofs/inclusion").param("index", "" + index)
			.param("size", "" + size).header("Authorization", supervisor)).andReturn().getResponse().getContentAsString();
		byte[] leaf = Base64.getDecoder().decode((String) JsonPath.read(inclusion, "$.leafHash"));
		List<String> path = JsonPath.read(inclusion, "$.proof");
		assertThat(Merkle.verifyInclusion(leaf, index, size, path.stream().map(Base64.getDecoder()::decode).toList(),
				checkpoint.root())).isTrue();

		String entries = mvc.perform(get("/api/v1/ledger/entries").param("from", "" + index).param("limit", "1")
			.header("Authorization", accounts.administratorBearer(mvc)))
			.andReturn().getResponse().getContentAsString();
		byte[] bytes = Base64.getDecoder().decode((String) JsonPath.read(entries, "$[0].entry"));
		assertThat(Merkle.leafHash(bytes)).isEqualTo(leaf);

		String consistency = mvc.perform(get("/api/v1/ledger/proofs/consistency").param("from", "3")
			.param("to", "" + size).header("Authorization", supervisor)).andReturn().getResponse().getContentAsString();
		List<String> consistencyPath = JsonPath.read(consistency, "$.proof");
		byte[] firstRoot = Base64.getDecoder().decode((String) JsonPath.read(consistency, "$.fromRootHash"));
		assertThat(Merkle.verifyConsistency(3, size, firstRoot, checkpoint.root(),
				consistencyPath.stream().map(Base64.getDecoder()::decode).toList())).isTrue();
	}

	@Test
	void entriesAndVerificationAreForAdministratorsAndSupervisorsOfTheirAgency() throws Exception {
		String officer = accounts.bearer(mvc, accounts.create("kaifeng-audit", Role.OFFICER));
		mvc.perform(get("/api/v1/ledger/entries").header("Authorization", officer)).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/ledger/verification").header("Authorization", officer)).andExpect(status().isForbidden());

		String supervisor = accounts.bearer(mvc, accounts.create("kaifeng-audit", Role.SUPERVISOR));
		mvc.perform(get("/api/v1/ledger/entries").param("limit", "1000").header("Authorization", supervisor))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].agency").value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("kaifeng-audit"))));
		mvc.perform(post("/api/v1/ledger/verification").header("Authorization", supervisor))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.findings.length()").value(0));
		mvc.perform(get("/api/v1/ledger/proofs/inclusion").param("index", "99999").param("size", "3")
			.header("Authorization", supervisor)).andExpect(status().isBadRequest());
	}

	@Test
	void verificationAcceptsACheckpointKeptOutside() throws Exception {
		String admin = accounts.administratorBearer(mvc);
		String note = mvc.perform(post("/api/v1/ledger/checkpoint").header("Authorization", admin))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		mvc.perform(post("/api/v1/ledger/verification").header("Authorization", admin).contentType(MediaType.TEXT_PLAIN)
			.content(note)).andExpect(jsonPath("$.findings.length()").value(0));
		mvc.perform(post("/api/v1/ledger/verification").header("Authorization", admin).contentType(MediaType.TEXT_PLAIN)
			.content(note.replace("\n" + SignedNote.verify(note, keys.verifierKey()).orElseThrow().size() + "\n", "\n1\n")))
			.andExpect(jsonPath("$.findings[0].kind").value("CHECKPOINT_BAD_SIGNATURE"));
	}
}
