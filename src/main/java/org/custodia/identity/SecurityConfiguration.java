package org.custodia.identity;

import org.custodia.shared.Role;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Three filter chains: HTTP Basic only where an API token is issued (and a password changed without
 * a browser), Bearer tokens (or the browser session, with CSRF) for the rest of the API, and the login
 * form for pages. A locked account and a wrong password get the same answer.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

	/** The browser features no page of Custodia uses; full screen only for the player. */
	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), "
			+ "bluetooth=(), hid=(), midi=(), display-capture=(), screen-wake-lock=(), publickey-credentials-get=(), "
			+ "clipboard-read=(), fullscreen=(self)";

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data: blob:; media-src 'self' blob:; font-src 'self'; connect-src 'self'; "
			+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	/**
	 * No tracing of each security filter: measured, it cost a player's range requests more than the rest of
	 * the chain together. Request metrics ({@code http.server.requests}) stay.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	@Order(1)
	SecurityFilterChain tokenIssuing(HttpSecurity http, AuthenticationManager manager, SecurityProblems problems)
			throws Exception {
		var paths = PathPatternRequestMatcher.withDefaults();
		http.securityMatcher(new OrRequestMatcher(paths.matcher(HttpMethod.POST, "/api/v1/auth/token"),
				paths.matcher(HttpMethod.POST, "/api/v1/auth/password")))
			.authenticationManager(manager)
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.httpBasic(basic -> basic.authenticationDetailsSource(request -> new LoginOrigin("basic", request.getRemoteAddr()))
				.authenticationEntryPoint((request, response, exception) -> {
				response.setHeader("WWW-Authenticate", "Basic realm=\"Custodia\", charset=\"UTF-8\"");
				problems.write(request, response, 401, messageFor(exception), null);
			}))
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return headers(http).build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, RecentTokens recent, UserRepository users,
			SecurityProblems problems) throws Exception {
		BearerTokenFilter bearer = new BearerTokenFilter(tokens, recent, problems);
		http.securityMatcher("/api/**", "/v3/api-docs", "/v3/api-docs/**", "/actuator/prometheus")
			.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/prometheus")
				.hasRole(Role.ADMINISTRATOR.name())
				.anyRequest()
				.authenticated())
			.addFilterBefore(bearer, AnonymousAuthenticationFilter.class)
			.addFilterAfter(new AccountRefreshFilter(users, problems), BearerTokenFilter.class)
			.csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
			.exceptionHandling(exceptions -> exceptions
				.authenticationEntryPoint((request, response, exception) -> problems.write(request, response, 401,
						"error.authentication-required", null))
				.accessDeniedHandler((request, response, exception) -> problems.write(request, response, 403,
						"error.access-denied", null)));
		return headers(http).build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain pages(HttpSecurity http, AuthenticationManager manager, UserRepository users,
			SecurityProblems problems, LoginSuccessHandler success) throws Exception {
		http.authenticationManager(manager)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/login", "/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico", "/favicon.svg", "/error",
						"/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers("/actuator/**")
				.hasRole(Role.ADMINISTRATOR.name())
				.anyRequest()
				.authenticated())
			.formLogin(form -> form.loginPage("/login")
				.authenticationDetailsSource(request -> new LoginOrigin("form", request.getRemoteAddr()))
				.successHandler(success)
				.failureHandler((request, response, exception) -> response.sendRedirect(request.getContextPath() + "/login?error")))
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.addFilterBefore(new AccountRefreshFilter(users, problems), AnonymousAuthenticationFilter.class)
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
		return headers(http).build();
	}

	/**
	 * Spring Security writes {@code Strict-Transport-Security} only on secure requests (HTTPS, or a
	 * configured proxy's {@code X-Forwarded-Proto: https}); there Tomcat also marks the session cookie
	 * {@code Secure}.
	 */
	private static HttpSecurity headers(HttpSecurity http) throws Exception {
		return http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.frameOptions(frame -> frame.deny())
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
			.httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true))
			.permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY)));
	}

	// A locked account answers like a wrong password: the answer must not tell that the name exists.
	private static String messageFor(Exception exception) {
		return exception instanceof org.springframework.security.authentication.InsufficientAuthenticationException
				? "error.authentication-required" : "error.bad-credentials";
	}
}
