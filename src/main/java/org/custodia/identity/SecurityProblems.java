package org.custodia.identity;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** Writes RFC 9457 problem details from the security filters, before Spring MVC's handler can. */
@Component
class SecurityProblems {

	private final MessageSource messages;

	private final JsonMapper json = JsonMapper.builder().build();

	SecurityProblems(MessageSource messages) {
		this.messages = messages;
	}

	void write(HttpServletRequest request, HttpServletResponse response, int status, String key, String citation)
			throws IOException {
		Locale locale = request.getHeader("Accept-Language") != null && request.getLocale().getLanguage().equals("en")
				? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", messages.getMessage("problem.title." + status, null, "Error", locale));
		problem.put("status", status);
		problem.put("detail", messages.getMessage(key, null, key, locale));
		problem.put("instance", request.getRequestURI());
		if (citation != null) {
			problem.put("rule", citation);
		}
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(json.writeValueAsString(problem));
	}
}
