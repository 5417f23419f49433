package org.custodia.web;

import java.util.Optional;

/**
 * The titles of the regulations' documents, for citations on Chinese pages. The policy module knows
 * them; the shared web layer only asks, so that it depends on no feature module.
 */
public interface RegulationDocuments {

	/**
	 * The title of a document named as citations name it ({@code 001}, {@code 001-access}): its short
	 * title, or with {@code brief} the few characters a table cell has room for.
	 */
	Optional<String> title(String document, boolean brief);
}
