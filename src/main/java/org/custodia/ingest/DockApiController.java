package org.custodia.ingest;

import java.util.Locale;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The dock as JSON, with refusals as problem details like every other endpoint of the API. */
@RestController
class DockApiController {

	private final DockOverview overview;

	DockApiController(DockOverview overview) {
		this.overview = overview;
	}

	@GetMapping("/api/v1/dock")
	DockOverview.DockView dock(Locale locale) {
		return overview.view(locale);
	}
}
