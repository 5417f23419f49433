package org.custodia.access.web;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * Finds the two content endpoints before the application's other request mappings. A player sends
 * many range requests a second, and the general lookup compares each with every pattern-mapped
 * endpoint of the application: measured with {@code bench/playback.sh}, close to half of the Java time
 * of a range request. The handler is the same {@link ContentController} method, with the same argument
 * resolution, problem details and metrics pattern; any other path falls through to the general lookup.
 */
@Component
class ContentHandlerMapping extends AbstractHandlerMapping {

	static final String ORIGINAL_PATTERN = "/api/v1/recordings/{id}/content";

	static final String DERIVED_PATTERN = "/api/v1/recordings/{id}/derived/{derivedId}/content";

	private static final String UUID_REGEX = "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})";

	private static final Pattern ORIGINAL = Pattern.compile("/api/v1/recordings/" + UUID_REGEX + "/content");

	private static final Pattern DERIVED = Pattern
		.compile("/api/v1/recordings/" + UUID_REGEX + "/derived/" + UUID_REGEX + "/content");

	private final HandlerMethod original;

	private final HandlerMethod derived;

	ContentHandlerMapping(ContentController controller) throws NoSuchMethodException {
		setOrder(Ordered.HIGHEST_PRECEDENCE);
		Method originalMethod = ContentController.class.getDeclaredMethod("original", UUID.class,
				HttpServletRequest.class, HttpServletResponse.class);
		Method derivedMethod = ContentController.class.getDeclaredMethod("derived", UUID.class, UUID.class,
				HttpServletRequest.class, HttpServletResponse.class);
		this.original = new HandlerMethod(controller, originalMethod);
		this.derived = new HandlerMethod(controller, derivedMethod);
	}

	@Override
	protected Object getHandlerInternal(HttpServletRequest request) {
		String method = request.getMethod();
		if (!"GET".equals(method) && !"HEAD".equals(method)) {
			return null;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Matcher match = ORIGINAL.matcher(path);
		if (match.matches()) {
			return found(request, original, ORIGINAL_PATTERN, Map.of("id", match.group(1)));
		}
		match = DERIVED.matcher(path);
		if (match.matches()) {
			return found(request, derived, DERIVED_PATTERN, Map.of("id", match.group(1), "derivedId", match.group(2)));
		}
		return null;
	}

	private static HandlerMethod found(HttpServletRequest request, HandlerMethod handler, String pattern,
			Map<String, String> variables) {
		request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, variables);
		request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, pattern);
		request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
		return handler;
	}
}
