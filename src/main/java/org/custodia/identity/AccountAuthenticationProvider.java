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

/**
 * Checks user name and password for the login form and HTTP Basic, counting failures toward lockout.
 * An address the throttle refuses, an unknown name, a locked account and a wrong password all take the
 * time of a hash check and end in the same answer, so that none can be told from another.
 */
@Component
class AccountAuthenticationProvider implements AuthenticationProvider {

	private final UserRepository users;

	private final PasswordEncoder passwords;

	private final LoginAttempts attempts;

	private final LoginThrottle throttle;

	private final String timingDummyHash;

	AccountAuthenticationProvider(UserRepository users, PasswordEncoder passwords, LoginAttempts attempts,
			LoginThrottle throttle) {
		this.users = users;
		this.passwords = passwords;
		this.attempts = attempts;
		this.throttle = throttle;
		this.timingDummyHash = passwords.encode("timing-dummy-0");
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = authentication.getName();
		String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
		LoginOrigin origin = authentication.getDetails() instanceof LoginOrigin given ? given : LoginOrigin.UNKNOWN;
		if (throttle.refuses(origin.address(), username)) {
			passwords.matches(password, timingDummyHash);
			throw new BadCredentialsException("address throttled");
		}
		UserAccount user = users.findByUsername(username).orElse(null);
		if (user == null) {
			passwords.matches(password, timingDummyHash);
			attempts.failed(username, origin);
			throw new UsernameNotFoundException("unknown user");
		}
		if (user.locked()) {
			passwords.matches(password, timingDummyHash);
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
