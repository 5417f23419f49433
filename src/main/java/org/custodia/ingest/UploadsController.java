package org.custodia.ingest;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.custodia.shared.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * The tus endpoint for resumable browser uploads. The user name is the owner key, so nobody else
 * can resume, inspect or remove an upload.
 */
@Controller
class UploadsController {

	private final BrowserUploads uploads;

	UploadsController(BrowserUploads uploads) {
		this.uploads = uploads;
	}

	@RequestMapping(value = { BrowserUploads.URI, BrowserUploads.URI + "/{id}" }, method = { RequestMethod.POST,
			RequestMethod.PATCH, RequestMethod.HEAD, RequestMethod.DELETE, RequestMethod.OPTIONS })
	void tus(HttpServletRequest request, HttpServletResponse response) throws IOException {
		uploads.tus().process(new PlainContentType(request), response, CurrentActor.get().username());
	}

	/**
	 * tus-java-server wants the content type of a PATCH without parameters; the character-encoding
	 * filter (and some proxies) add a charset to it, which means nothing for bytes.
	 */
	static final class PlainContentType extends HttpServletRequestWrapper {

		PlainContentType(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getHeader(String name) {
			String value = super.getHeader(name);
			return value != null && "Content-Type".equalsIgnoreCase(name) ? value.split(";", 2)[0].strip() : value;
		}
	}
}
