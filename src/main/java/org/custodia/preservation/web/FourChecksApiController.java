package org.custodia.preservation.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.custodia.preservation.FourCheckSummary;
import org.custodia.preservation.FourChecks;
import org.custodia.shared.Actor;
import org.custodia.shared.CurrentActor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * 四性检测 over REST: a recording, a case or an agency's store as JSON, or as the PDF report ({@code .pdf} or
 * {@code ?format=pdf}). The store's answer is written as each recording is checked.
 */
@RestController
class FourChecksApiController {

	private static final String PDF = "pdf";

	private final FourChecks checks;

	private final JsonMapper json;

	FourChecksApiController(FourChecks checks, JsonMapper json) {
		this.checks = checks;
		this.json = json;
	}

	@GetMapping("/api/v1/recordings/{id}/four-checks")
	void recording(@PathVariable UUID id, @RequestParam(required = false) String format, Locale locale,
			HttpServletResponse response) throws IOException {
		Actor actor = CurrentActor.get();
		if (PDF.equals(format)) {
			recordingPdf(id, response);
			return;
		}
		write(response, checks.recording(actor, id, locale));
	}

	@GetMapping("/api/v1/recordings/{id}/four-checks.pdf")
	void recordingPdf(@PathVariable UUID id, HttpServletResponse response) throws IOException {
		FourChecks.Report report = checks.recording(CurrentActor.get(), id, Locale.SIMPLIFIED_CHINESE);
		checks.print(report, pdf(response, "four-checks-" + id + ".pdf"));
	}

	@GetMapping("/api/v1/cases/{id}/four-checks")
	void ofCase(@PathVariable UUID id, @RequestParam(required = false) String agency,
			@RequestParam(required = false) String format, Locale locale, HttpServletResponse response) throws IOException {
		Actor actor = CurrentActor.get();
		if (PDF.equals(format)) {
			casePdf(id, agency, response);
			return;
		}
		write(response, checks.ofCase(actor, id, agency, locale));
	}

	@GetMapping("/api/v1/cases/{id}/four-checks.pdf")
	void casePdf(@PathVariable UUID id, @RequestParam(required = false) String agency, HttpServletResponse response)
			throws IOException {
		FourChecks.Report report = checks.ofCase(CurrentActor.get(), id, agency, Locale.SIMPLIFIED_CHINESE);
		checks.print(report, pdf(response, "four-checks-case-" + id + ".pdf"));
	}

	@GetMapping("/api/v1/four-checks")
	void store(@RequestParam(required = false) String agency, @RequestParam(required = false) String format,
			Locale locale, HttpServletResponse response) throws IOException {
		if (PDF.equals(format)) {
			storePdf(agency, response);
			return;
		}
		Actor actor = CurrentActor.get();
		String code = checks.storeOf(actor, agency);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		try (JsonGenerator out = json.createGenerator(response.getOutputStream())) {
			out.writeStartObject();
			out.writeStringProperty("scope", FourChecks.Scope.STORE.name());
			out.writeStringProperty("agency", code);
			out.writeName("recordings");
			out.writeStartArray();
			FourCheckSummary summary = checks.store(actor, code, locale, check -> {
				out.writePOJO(check);
				out.flush();
			});
			out.writeEndArray();
			out.writePOJOProperty("summary", summary);
			out.writeEndObject();
		}
	}

	@GetMapping("/api/v1/four-checks.pdf")
	void storePdf(@RequestParam(required = false) String agency, HttpServletResponse response) throws IOException {
		Actor actor = CurrentActor.get();
		String code = checks.storeOf(actor, agency);
		checks.storePdf(actor, code, pdf(response, "four-checks-" + code + ".pdf"));
	}

	private void write(HttpServletResponse response, FourChecks.Report report) throws IOException {
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), report);
	}

	private static OutputStream pdf(HttpServletResponse response, String filename) throws IOException {
		response.setContentType(MediaType.APPLICATION_PDF_VALUE);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString());
		return response.getOutputStream();
	}
}
