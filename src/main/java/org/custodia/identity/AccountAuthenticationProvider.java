package org.custodia.identity;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Checks user name and password for the login form and HTTP Basic, counting failures toward lockout. */
@Component
class AccountAuthenticationProvider implements AuthenticationProvider {

	private final UserRepository users;

	private final PasswordEncoder passwords;

	private final LoginAttempts attempts;

	private final String timingDummyHash;

	AccountAuthenticationProvider(UserRepository users, PasswordEncoder passwords, LoginAttempts attempts) {
		this.users = users;
		this.passwords = passwords;
		this.attempts = attempts;
		this.timingDummyHash = passwords.encode("timing-dummy-0");
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = authentication.getName();
		String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
		LoginOrigin origin = authentication.getDetails() instanceof LoginOrigin given ? given : LoginOrigin.UNKNOWN;
		UserAccount user = users.findByUsername(username).orElse(null);
		if (user == null) {
			// Spend the time of a hash check so that unknown names cannot be told from wrong passwords.
			passwords.matches(password, timingDummyHash);
			attempts.failed(username, origin);
			throw new UsernameNotFoundException("unknown user");
		}
		if (user.locked()) {
			throw new LockedException("locked until " + user.lockedUntil());
		}
		if (!user.enabled()) {
			throw new BadCredentialsException("disabled");
		}
		if (!passwords.matches(password, user.passwordHash())) {
			attempts.failed(username, origin);
			throw new BadCredentialsException("bad credentials");
		}
		attempts.succeeded(user, origin);
		return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
