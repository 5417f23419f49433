package org.custodia.access;

import java.util.List;
import java.util.Locale;

import org.custodia.shared.Actor;
import org.custodia.shared.Notices;
import org.custodia.shared.Role;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** On the home page: the access requests waiting for this user's decision or check. */
@Component
class AccessRequestNotices implements Notices {

	private final AccessRequestQueries requests;

	private final MessageSource messages;

	AccessRequestNotices(AccessRequestQueries requests, MessageSource messages) {
		this.requests = requests;
		this.messages = messages;
	}

	@Override
	public List<Notice> noticesFor(Actor actor, Locale locale) {
		if (actor.agency().isEmpty() || actor.has(Role.ADMINISTRATOR)) {
			return List.of();
		}
		int waiting = requests.inbox(actor, actor.agency().get()).size();
		return waiting == 0 ? List.of()
				: List.of(new Notice(messages.getMessage("notice.access-requests-to-decide", new Object[] { waiting }, locale),
						"/access-requests"));
	}
}
