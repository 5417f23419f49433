package org.custodia.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.custodia.shared.Actor;
import org.custodia.shared.Notices;
import org.custodia.shared.Role;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** On the home page: the role grants the user may confirm or refuse, and his own roles still waiting. */
@Component
class RoleGrantNotices implements Notices {

	private final RoleGrants grants;

	private final RoleGrantRepository rows;

	private final MessageSource messages;

	RoleGrantNotices(RoleGrants grants, RoleGrantRepository rows, MessageSource messages) {
		this.grants = grants;
		this.rows = rows;
		this.messages = messages;
	}

	@Override
	public List<Notice> noticesFor(Actor actor, Locale locale) {
		List<Notice> notices = new ArrayList<>();
		long decidable = grants.decidableBy(actor);
		if (decidable > 0) {
			notices.add(new Notice(messages.getMessage("notice.role-grants-to-decide", new Object[] { decidable }, locale),
					"/role-grants"));
		}
		rows.openOf(actor.userId()).ifPresent(grant -> notices.add(new Notice(messages.getMessage("notice.own-roles-waiting",
				new Object[] { names(grant.added(), locale) }, locale), "/account")));
		return notices;
	}

	private String names(java.util.Set<Role> roles, Locale locale) {
		return String.join(locale.getLanguage().equals("en") ? ", " : "、",
				roles.stream().map(role -> messages.getMessage("role." + role.code(), null, role.code(), locale)).toList());
	}
}
