package org.custodia.recording;

import java.util.Map;
import java.util.UUID;

import org.custodia.identity.UserView;
import org.custodia.identity.Users;
import org.custodia.shared.CustodiaException;
import org.custodia.shared.Role;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may be named as the officer who made a recording: an officer of the recording's agency. The
 * officer decides who may watch it later, so another agency's user or anyone without the officer's role
 * would open the footage to the wrong people.
 */
@Component
public class RecordingOfficers {

	static final String RULE = "custodia: a recording's officer is an officer (执法人员) of the agency that keeps it";

	private final Users users;

	RecordingOfficers(Users users) {
		this.users = users;
	}

	/** Refuses an officer id that names no officer of the agency; none at all is allowed (the device's holder). */
	public void check(String agency, UUID officerId) {
		if (officerId == null) {
			return;
		}
		// Another agency's user is answered like an unknown one: his existence is not this agency's business.
		UserView user = users.findByIdForSystem(officerId)
			.filter(found -> agency.equals(found.agency()))
			.orElseThrow(() -> new CustodiaException(HttpStatus.BAD_REQUEST, "error.import-officer-unknown", RULE,
					Map.of("field", "officerId"), officerId));
		if (!user.has(Role.OFFICER)) {
			throw new CustodiaException(HttpStatus.BAD_REQUEST, "rule.import-officer-not-officer", RULE,
					Map.of("field", "officerId"), user.username());
		}
	}
}
