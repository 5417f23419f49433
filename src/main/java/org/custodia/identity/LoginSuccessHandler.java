package org.custodia.identity;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/**
 * After an interactive login: the session lasts as long as the agency's policy says, the pages
 * speak the user's language, and a one-time password leads straight to the page that changes it.
 */
@Component
class LoginSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

	private final LoginAttempts attempts;

	LoginSuccessHandler(LoginAttempts attempts) {
		this.attempts = attempts;
		setDefaultTargetUrl("/");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		UserAccount user = (UserAccount) authentication.getPrincipal();
		request.getSession().setMaxInactiveInterval(attempts.rulesFor(user).sessionTimeoutMinutes() * 60);
		request.getSession().setAttribute(PasswordChanges.SESSION_GENERATION, user.sessionGeneration());
		request.getSession()
			.setAttribute(SessionLocaleResolver.LOCALE_SESSION_ATTRIBUTE_NAME, Locale.forLanguageTag(user.locale()));
		if (user.mustChangePassword()) {
			clearAuthenticationAttributes(request);
			getRedirectStrategy().sendRedirect(request, response, AccountRefreshFilter.CHANGE_PASSWORD_PAGE);
			return;
		}
		super.onAuthenticationSuccess(request, response, authentication);
	}
}
