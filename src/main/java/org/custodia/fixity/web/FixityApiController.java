package org.custodia.fixity.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.custodia.fixity.Fixity;
import org.custodia.fixity.Sweep;
import org.custodia.shared.CurrentActor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Starts an integrity sweep now and answers what it found (custodian and administrator). */
@RestController
@RequestMapping("/api/v1/fixity/sweeps")
class FixityApiController {

	private final Fixity fixity;

	FixityApiController(Fixity fixity) {
		this.fixity = fixity;
	}

	@PostMapping
	ResponseEntity<Map<String, Object>> start() {
		UUID id = fixity.start(CurrentActor.get());
		return ResponseEntity.accepted().location(URI.create("/api/v1/fixity/sweeps/" + id))
			.body(Map.of("id", id, "state", Sweep.State.RUNNING));
	}

	@GetMapping("/{id}")
	Map<String, Object> sweep(@PathVariable UUID id) {
		Fixity.SweepReport report = fixity.sweep(CurrentActor.get(), id);
		Sweep sweep = report.sweep();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", sweep.id());
		body.put("scope", sweep.scope());
		body.put("state", sweep.state());
		body.put("repair", sweep.repair());
		body.put("startedBy", sweep.startedBy());
		body.put("startedAt", sweep.startedAt());
		body.put("finishedAt", sweep.finishedAt());
		body.put("keysChecked", sweep.keysChecked());
		body.put("bytesRead", sweep.bytesRead());
		body.put("findingCount", sweep.findings());
		body.put("repaired", sweep.repaired());
		body.put("lost", sweep.lost());
		body.put("orphans", sweep.orphans());
		body.put("problem", sweep.problem());
		body.put("findings", report.findings());
		return body;
	}
}
