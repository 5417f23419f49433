package org.custodia.access.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;

class ContentHandlerMappingTests {

	private static final String ID = "3443d633-c20e-41b5-adb6-29d2ddb9f026";

	private static final String DERIVED = "90d0a0ab-0179-4b69-a1ad-299f294ae126";

	private final ContentHandlerMapping mapping = new ContentHandlerMapping(new ContentController(null, null));

	ContentHandlerMappingTests() throws NoSuchMethodException {
	}

	@Test
	void theOriginalsContentGoesToItsControllerMethodWithItsId() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/recordings/" + ID + "/content");

		HandlerMethod handler = handlerOf(request);

		assertThat(handler.getMethod().getName()).isEqualTo("original");
		assertThat(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)).isEqualTo(Map.of("id", ID));
		assertThat(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE))
			.isEqualTo("/api/v1/recordings/{id}/content");
	}

	@Test
	void aDerivedCopysContentGoesToItsMethodWithBothIdsAlsoForHead() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("HEAD",
				"/api/v1/recordings/" + ID + "/derived/" + DERIVED + "/content");

		assertThat(handlerOf(request).getMethod().getName()).isEqualTo("derived");
		assertThat(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE))
			.isEqualTo(Map.of("id", ID, "derivedId", DERIVED));
	}

	@Test
	void everythingElseIsLeftToTheGeneralLookup() throws Exception {
		assertThat(mapping.getHandler(new MockHttpServletRequest("POST", "/api/v1/recordings/" + ID + "/content"))).isNull();
		assertThat(mapping.getHandler(new MockHttpServletRequest("GET", "/api/v1/recordings/" + ID + "/playback"))).isNull();
		assertThat(mapping.getHandler(new MockHttpServletRequest("GET", "/api/v1/recordings/not-an-id/content"))).isNull();
		assertThat(mapping.getHandler(new MockHttpServletRequest("GET", "/api/v1/recordings/" + ID + "/content/../x")))
			.isNull();
	}

	private HandlerMethod handlerOf(MockHttpServletRequest request) throws Exception {
		HandlerExecutionChain chain = mapping.getHandler(request);
		assertThat(chain).isNotNull();
		return (HandlerMethod) chain.getHandler();
	}
}
