package org.custodia.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/**
 * Simplified Chinese unless the user chose English: kept in the session from the user's profile,
 * chosen on the login page with {@code ?lang=en}, or asked for by API clients with {@code Accept-Language}.
 * A browser's own language does not switch the pages: agencies work in Chinese by default.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

	@Bean
	LocaleResolver localeResolver() {
		SessionLocaleResolver resolver = new SessionLocaleResolver();
		resolver.setDefaultLocaleFunction(WebConfiguration::fromHeader);
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor).addPathPatterns("/login");
	}

	private static Locale fromHeader(HttpServletRequest request) {
		boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
		if (api && request.getHeader("Accept-Language") != null && "en".equals(request.getLocale().getLanguage())) {
			return Locale.ENGLISH;
		}
		return Locale.SIMPLIFIED_CHINESE;
	}
}
