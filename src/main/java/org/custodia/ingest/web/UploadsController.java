package org.custodia.ingest.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.custodia.ingest.BrowserUploads;
import org.custodia.shared.CurrentActor;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * The tus endpoint for resumable browser uploads. The user name is the owner key, so nobody else
 * can resume, inspect or remove an upload; only those who may import may upload at all (REC-1).
 */
@RestController
class UploadsController {

	private final BrowserUploads uploads;

	UploadsController(BrowserUploads uploads) {
		this.uploads = uploads;
	}

	@RequestMapping(value = { BrowserUploads.URI, BrowserUploads.URI + "/{id}" }, method = { RequestMethod.POST,
			RequestMethod.PATCH, RequestMethod.HEAD, RequestMethod.DELETE, RequestMethod.OPTIONS })
	void tus(HttpServletRequest request, HttpServletResponse response) throws IOException {
		BrowserUploads.Session session = uploads.sessionFor(CurrentActor.get());
		if (request.getHeader(BrowserUploads.DEFERRED_LENGTH) != null) {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		session.tus().process(new ContentTypeParametersFilter(request), response, session.owner());
	}

	/**
	 * Filters the parameters out of the Content-Type header: tus-java-server wants a PATCH's type
	 * bare, and a charset added on the way (by a proxy, or the mock request under the character
	 * encoding filter) means nothing for bytes.
	 */
	static final class ContentTypeParametersFilter extends HttpServletRequestWrapper {

		ContentTypeParametersFilter(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getHeader(String name) {
			String value = super.getHeader(name);
			return value != null && "Content-Type".equalsIgnoreCase(name) ? value.split(";", 2)[0].strip() : value;
		}
	}
}
