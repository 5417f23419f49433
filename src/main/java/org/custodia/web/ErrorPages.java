package org.custodia.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import tools.jackson.databind.json.JsonMapper;

/**
 * What the servlet container forwards to {@code /error} (no such path, a method the path does not
 * take, an error no handler caught): problem details for the API, the friendly page for people.
 * Replaces Spring Boot's own error controller, whose JSON is neither.
 */
@Controller
class ErrorPages implements ErrorController {

	private final MessageSource messages;

	private final JsonMapper json = JsonMapper.builder().build();

	ErrorPages(MessageSource messages) {
		this.messages = messages;
	}

	@RequestMapping("/error")
	ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
		String uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path ? path
				: request.getRequestURI();
		Locale locale = LocaleContextHolder.getLocale();
		boolean api = uri.startsWith(request.getContextPath() + "/api/");
		String detail = messages.getMessage((api ? "problem.detail." : "error.page.") + status, new Object[] { uri },
				messages.getMessage("error.generic", new Object[] { status }, locale), locale);
		if (api) {
			Map<String, Object> problem = new LinkedHashMap<>();
			problem.put("type", "about:blank");
			problem.put("title", messages.getMessage("problem.title." + status, null, reason(status), locale));
			problem.put("status", status);
			problem.put("detail", detail);
			problem.put("instance", uri);
			response.setStatus(status);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter().write(json.writeValueAsString(problem));
			return null;
		}
		ModelAndView page = new ModelAndView("error");
		page.setStatus(HttpStatus.valueOf(status));
		page.addObject("status", status);
		page.addObject("detail", detail);
		return page;
	}

	private static String reason(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		return known == null ? String.valueOf(status) : known.getReasonPhrase();
	}
}
