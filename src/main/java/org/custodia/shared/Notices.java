package org.custodia.shared;

import java.util.List;
import java.util.Locale;

/** Something a module wants a signed-in user to see on the home page (a reminder, a warning). */
public interface Notices {

	List<String> noticesFor(Actor actor, Locale locale);
}
