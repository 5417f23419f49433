package org.custodia.policy.web;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.custodia.policy.AgencyPolicies;
import org.custodia.policy.Decision;
import org.custodia.policy.RetentionPeriods;
import org.custodia.shared.CurrentActor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An agency's effective policy with its citations, its retention setting, and decisions by role. */
@RestController
@RequestMapping("/api/v1/agencies/{code}/policy")
class PolicyApiController {

	/** {@code decisionNumber} and {@code decisionDate}: the agency's decision, required where the regulation wants footage kept complete. */
	record RetentionChange(@NotNull Integer months, @NotBlank String reason, @Size(max = 100) String decisionNumber,
			LocalDate decisionDate) {
	}

	private final AgencyPolicies policies;

	private final RetentionPeriods retention;

	PolicyApiController(AgencyPolicies policies, RetentionPeriods retention) {
		this.policies = policies;
		this.retention = retention;
	}

	@GetMapping
	AgencyPolicies.EffectivePolicy policy(@PathVariable String code) {
		return policies.effective(CurrentActor.get(), code);
	}

	@PutMapping("/retention")
	RetentionPeriods.Effective setRetention(@PathVariable String code, @Valid @RequestBody RetentionChange change) {
		return retention.set(CurrentActor.get(), code, change.months(), change.reason(),
				new RetentionPeriods.AgencyDecision(change.decisionNumber(), change.decisionDate()));
	}

	/** What a user holding {@code role} in this agency may do: allowed, with whose approval, or refused, and why. */
	@GetMapping("/decision")
	Decision decision(@PathVariable String code, @RequestParam String role, @RequestParam String action) {
		return policies.decision(CurrentActor.get(), code, role, action);
	}
}
