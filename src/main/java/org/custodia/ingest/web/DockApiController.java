package org.custodia.ingest.web;

import java.util.Locale;

import org.custodia.ingest.DockOverview;
import org.custodia.shared.CurrentActor;
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
		return overview.view(CurrentActor.get(), locale);
	}
}
