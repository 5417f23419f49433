package org.custodia.identity;

import org.custodia.shared.CustodiaException;

/** What a chosen password must satisfy: long enough, letters and digits, not the user name. */
final class PasswordRules {

	static final int MINIMUM_LENGTH = 10;

	private PasswordRules() {
	}

	static void check(String username, String password) {
		if (password == null || password.length() < MINIMUM_LENGTH) {
			throw CustodiaException.badRequest("error.password-too-short", MINIMUM_LENGTH);
		}
		if (password.length() > 128) {
			throw CustodiaException.badRequest("error.password-too-long");
		}
		boolean letter = password.chars().anyMatch(Character::isLetter);
		boolean digit = password.chars().anyMatch(Character::isDigit);
		if (!letter || !digit) {
			throw CustodiaException.badRequest("error.password-letters-and-digits");
		}
		if (password.toLowerCase().contains(username.toLowerCase())) {
			throw CustodiaException.badRequest("error.password-contains-username");
		}
	}
}
