package org.custodia.policy;

import java.util.Optional;

import org.custodia.web.RegulationDocuments;
import org.springframework.stereotype.Component;

/** The titles of the regulations' documents, as the policy files give them, for citations in Chinese. */
@Component
class DocumentTitles implements RegulationDocuments {

	private final Policies policies;

	DocumentTitles(Policies policies) {
		this.policies = policies;
	}

	@Override
	public Optional<String> title(String document, boolean brief) {
		return policies.all().stream()
			.flatMap(policy -> policy.agency().documents().stream()
				.filter(candidate -> candidate.citedAs(policy.agency().seed()).equals(document)))
			.findFirst()
			.map(found -> brief ? found.brief() : found.shortTitle());
	}
}
