package org.custodia.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer cst_…} API calls; a bad token is a 401, never anonymous. */
class BearerTokenFilter extends OncePerRequestFilter {

	static final String TOKEN_AUTHENTICATED = BearerTokenFilter.class.getName() + ".token";

	private final ApiTokens tokens;

	private final RecentTokens recent;

	private final SecurityProblems problems;

	BearerTokenFilter(ApiTokens tokens, RecentTokens recent, SecurityProblems problems) {
		this.tokens = tokens;
		this.recent = recent;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		String token = header.substring(7).strip();
		var user = recent.find(token);
		if (user.isEmpty()) {
			long accountChanges = tokens.accountChanges();
			user = tokens.authenticate(token);
			user.ifPresent(account -> recent.remember(token, account, accountChanges));
		}
		if (user.isEmpty()) {
			response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
			problems.write(request, response, 401, "error.token-invalid", null);
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(user.get(), null, user.get().getAuthorities()));
		SecurityContextHolder.setContext(context);
		request.setAttribute(TOKEN_AUTHENTICATED, Boolean.TRUE);
		chain.doFilter(request, response);
	}
}
