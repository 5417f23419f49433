package org.custodia.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * What Tomcat answers by itself, before the application sees the request (a header with control
 * characters, a request line it cannot parse): a problem detail under {@code /api/}, a short page in
 * the user's language elsewhere, never Tomcat's English HTML with its version.
 */
@Component
class TomcatErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers(context -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemReportValve.class.getName());
			}
		});
	}

	/** Tomcat makes the valve by its class name, so it finds its texts in the bundles itself. */
	public static class ProblemReportValve extends ErrorReportValve {

		private static final MessageSource MESSAGES = bundles();

		private final JsonMapper json = JsonMapper.builder().build();

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			String uri = request.getRequestURI() == null ? "" : request.getRequestURI();
			String header = request.getHeader("Accept-Language");
			Locale locale = header != null && header.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH
					: Locale.SIMPLIFIED_CHINESE;
			String title = MESSAGES.getMessage("problem.title." + status, null, String.valueOf(status), locale);
			String detail = MESSAGES.getMessage("error.generic", new Object[] { status }, locale);
			try {
				response.setCharacterEncoding("UTF-8");
				Writer out = response.getReporter();
				if (out == null) {
					return;
				}
				if (uri.startsWith("/api/")) {
					response.setContentType("application/problem+json");
					out.write(json.writeValueAsString(java.util.Map.of("type", "about:blank", "title", title,
							"status", status, "detail", detail)));
				}
				else {
					response.setContentType("text/html");
					out.write("<!DOCTYPE html><html lang=\"" + locale.toLanguageTag() + "\"><meta charset=\"utf-8\"><title>"
							+ escape(title) + "</title><h1>" + escape(title) + "</h1><p>" + escape(detail) + "</p></html>");
				}
				response.finishResponse();
			}
			catch (IOException | IllegalStateException ex) {
				// the connection is gone or the answer already begun: nothing more can be said
			}
		}

		private static String escape(String text) {
			return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
		}

		private static MessageSource bundles() {
			ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
			messages.setBasename("messages");
			messages.setDefaultEncoding("UTF-8");
			messages.setFallbackToSystemLocale(false);
			return messages;
		}
	}
}
