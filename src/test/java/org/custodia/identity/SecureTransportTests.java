package org.custodia.identity;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;

import org.custodia.shared.CustodiaIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Over HTTPS the browser is told to stay on HTTPS; every answer limits the browser features pages may use. */
@CustodiaIntegrationTest
class SecureTransportTests {

	@Autowired
	MockMvc mvc;

	@Test
	void overHttpsPagesAndTheApiSendStrictTransportSecurityAndPermissionsPolicy() throws Exception {
		for (String path : new String[] { "/login", "/api/v1/agencies", "/policies" }) {
			mvc.perform(get(path).secure(true))
				.andExpect(header().string("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains"))
				.andExpect(header().string("Permissions-Policy", containsString("camera=()")))
				.andExpect(header().string("Permissions-Policy", containsString("microphone=()")))
				.andExpect(header().string("Permissions-Policy", containsString("geolocation=()")));
		}
	}

	@Test
	void overPlainHttpThereIsNoStrictTransportSecurity() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(header().doesNotExist("Strict-Transport-Security"))
			.andExpect(header().string("Permissions-Policy", containsString("camera=()")));
	}
}
