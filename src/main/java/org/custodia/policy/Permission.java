package org.custodia.policy;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Who may do one {@link Action} in an agency and who approves: an entry of the policy file's
 * {@code permissions}. The first grant that reaches the user decides; when none does, the action is
 * refused under {@code rule}. {@code from} takes the grants and the citation from a rule the file
 * states elsewhere (the access matrix, the work record's reviewer) rather than repeating it.
 *
 * @param action the action's code, e.g. {@code play-back}
 * @param from where the grants come from instead, e.g. {@code access.requesters.case-handler.view}, or null
 * @param requires a precondition of the agency's settings, e.g. {@code retention-period-set}, or null
 * @param rule the rule's name: a refusal is reported under it, an allowance too unless its grant names its own
 * @param assumed true where the regulation is silent and Custodia's default decided
 * @param cite the article, or {@code custodia: <reason>}; null only with {@code from}
 */
public record Permission(@NotBlank String action, String from, String requires,
		@NotBlank @Pattern(regexp = AgencyPolicy.CODE) String rule, boolean assumed,
		@Pattern(regexp = AgencyPolicy.CITATION) String cite, @NotNull List<@Valid Grant> grants) {

	/**
	 * Users holding one of {@code roles} ({@code anyone}: every user of the agency) for whom one of the
	 * relations holds ({@code activity-participant}; null: no relation asked) may act,
	 * once {@code approver} approves ({@code none}: at once; a user holding that role acts at once too).
	 */
	public record Grant(@NotEmpty List<@NotBlank String> roles, String relation, @NotBlank String approver,
			@Pattern(regexp = AgencyPolicy.CODE) String rule) {
	}
}
