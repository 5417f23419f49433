package org.custodia.shared;

import java.util.List;
import java.util.Locale;

/** Something a module wants a signed-in user to see on the home page (a reminder, a warning). */
public interface Notices {

	/**
	 * One line of the home page: what it says, and the page that shows what it counts, where the reader may open it.
	 *
	 * @param link a path of Custodia's own ("/access-requests"), or null where no page lists it
	 */
	record Notice(String text, String link) {
	}

	List<Notice> noticesFor(Actor actor, Locale locale);

	/** What must not be overlooked (an original lost beyond repair), shown first and in red. */
	default List<Notice> alertsFor(Actor actor, Locale locale) {
		return List.of();
	}
}
