package org.custodia.shared;

import java.util.List;
import java.util.Locale;

/** Something a module wants a signed-in user to see on the home page (a reminder, a warning). */
public interface Notices {

	List<String> noticesFor(Actor actor, Locale locale);

	/** What must not be overlooked (an original lost beyond repair), shown first and in red. */
	default List<String> alertsFor(Actor actor, Locale locale) {
		return List.of();
	}
}
