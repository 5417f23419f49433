package org.custodia.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.custodia.shared.CurrentActor;
import org.custodia.shared.CustodiaException;
import org.custodia.shared.Role;
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

	/** The policy in force: the file's rules, where the file comes from, and what needs attention. */
	record EffectivePolicy(String agency, String source, RetentionPeriods.Effective retention, List<String> warnings,
			AgencyPolicy policy) {
	}

	record RetentionChange(@NotNull Integer months, @NotBlank String reason) {
	}

	private final Policies policies;

	private final RetentionPeriods retention;

	private final PolicyDecisions decisions;

	PolicyApiController(Policies policies, RetentionPeriods retention, PolicyDecisions decisions) {
		this.policies = policies;
		this.retention = retention;
		this.decisions = decisions;
	}

	@GetMapping
	EffectivePolicy policy(@PathVariable String code) {
		decisions.decide(CurrentActor.get(), Action.SEE_AGENCY, code).orThrow();
		RetentionPeriods.Effective period = retention.effective(code);
		List<String> warnings = new ArrayList<>();
		if (period.needsAdministrator()) {
			warnings.add("retention-unset");
		}
		return new EffectivePolicy(code, policies.isOverridden(code) ? "data-directory" : "built-in", period, warnings,
				policies.of(code));
	}

	@PutMapping("/retention")
	RetentionPeriods.Effective setRetention(@PathVariable String code, @Valid @RequestBody RetentionChange change) {
		return retention.set(CurrentActor.get(), code, change.months(), change.reason());
	}

	/** What a user holding {@code role} in this agency may do: allowed, with whose approval, or refused, and why. */
	@GetMapping("/decision")
	Decision decision(@PathVariable String code, @RequestParam String role, @RequestParam String action) {
		decisions.decide(CurrentActor.get(), Action.SEE_AGENCY, code).orThrow();
		Role asRole;
		Action asAction;
		try {
			asRole = Role.fromCode(role);
			asAction = Action.valueOf(action.toUpperCase().replace('-', '_'));
		}
		catch (IllegalArgumentException e) {
			throw CustodiaException.badRequest("error.decision-arguments", role, action);
		}
		return decisions.decide(new RoleHolder(code, Set.of(asRole)), asAction, code);
	}
}
