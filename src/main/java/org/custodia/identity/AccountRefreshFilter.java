package org.custodia.identity;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reloads the signed-in account on every request of a browser session so that a role change, a lockout
 * or a disabled account takes effect at once (token requests are checked by the token filter); ends a
 * session signed in before the password last changed; and keeps a user with a one-time password on the
 * page that changes it.
 */
class AccountRefreshFilter extends OncePerRequestFilter {

	static final String CHANGE_PASSWORD_PAGE = "/account/password";

	private static final Set<String> ALLOWED_WHILE_ONE_TIME = Set.of(CHANGE_PASSWORD_PAGE, "/logout", "/account/locale");

	private final UserRepository users;

	private final SecurityProblems problems;

	AccountRefreshFilter(UserRepository users, SecurityProblems problems) {
		this.users = users;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof UserAccount signedIn)) {
			chain.doFilter(request, response);
			return;
		}
		// A token's account was read (or found fresh) by the token filter in this very request.
		if (request.getAttribute(BearerTokenFilter.TOKEN_AUTHENTICATED) != null) {
			chain.doFilter(request, response);
			return;
		}
		HttpSession session = request.getSession(false);
		var current = users.findById(signedIn.userId())
			.filter(user -> user.enabled() && !user.locked())
			.filter(user -> session == null || Integer.valueOf(user.sessionGeneration()).equals(session.getAttribute(PasswordChanges.SESSION_GENERATION)));
		if (current.isEmpty()) {
			SecurityContextHolder.clearContext();
			if (session != null) {
				session.invalidate();
			}
			chain.doFilter(request, response);
			return;
		}
		UserAccount user = current.get();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (user.mustChangePassword() && !ALLOWED_WHILE_ONE_TIME.contains(path)
				&& !isStatic(path)) {
			if (path.startsWith("/api/")) {
				problems.write(request, response, 403, "error.password-change-required", null);
			}
			else {
				response.sendRedirect(request.getContextPath() + CHANGE_PASSWORD_PAGE);
			}
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean isStatic(String path) {
		return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/")
				|| path.startsWith("/images/") || path.equals("/favicon.ico") || path.equals("/favicon.svg") || path.equals("/error");
	}
}
