package org.custodia.policy;

import java.util.List;
import java.util.Locale;

import org.custodia.shared.Actor;
import org.custodia.web.Citations;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The policy page (制度与规则): the rules of the agencies the user may see, side by side, with their citations. */
@Component
public class PolicyPage {

	/**
	 * The agencies in order, with each one's retention period and whether its file is overridden at the same
	 * index; {@code sections}: the rules compared; {@code activityList}: the agencies with a list of matters.
	 */
	public record View(List<AgencyPolicy> agencies, List<RetentionPeriods.Effective> periods, List<Boolean> overridden,
			List<PolicyComparison.Section> sections, List<AgencyPolicy> activityList, boolean english) {
	}

	private final Policies policies;

	private final RetentionPeriods retention;

	private final MessageSource messages;

	private final Citations citations;

	PolicyPage(Policies policies, RetentionPeriods retention, MessageSource messages, Citations citations) {
		this.policies = policies;
		this.retention = retention;
		this.messages = messages;
		this.citations = citations;
	}

	public View view(Actor actor, Locale locale) {
		List<AgencyPolicy> visible = policies.all().stream().filter(policy -> actor.belongsTo(policy.code())).toList();
		List<RetentionPeriods.Effective> periods = visible.stream().map(policy -> retention.effective(policy.code())).toList();
		return new View(visible, periods, visible.stream().map(policy -> policies.isOverridden(policy.code())).toList(),
				new PolicyComparison(visible, periods, messages, locale, citations).sections(),
				visible.stream().filter(policy -> !policy.recording().activityList().isEmpty()).toList(),
				"en".equals(locale.getLanguage()));
	}
}
