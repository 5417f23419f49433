package org.custodia.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.custodia.shared.CustodiaException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every REST error as RFC 9457 problem details in the caller's language: the detail says what
 * happened and what to do, {@code rule} names the article that decided a refusal.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private final MessageSource messages;

	ProblemDetailsAdvice(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(CustodiaException.class)
	ResponseEntity<ProblemDetail> handle(CustodiaException exception) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = ProblemDetail.forStatus(exception.status());
		problem.setTitle(messages.getMessage("problem.title." + exception.status().value(), null,
				exception.status().getReasonPhrase(), locale));
		problem.setDetail(Messages.resolve(messages, exception.messageKey(), exception.arguments(), locale));
		if (exception.citation() != null) {
			problem.setProperty("rule", exception.citation());
		}
		exception.properties().forEach(problem::setProperty);
		return ResponseEntity.status(exception.status()).body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
		problem.setTitle(messages.getMessage("problem.title.400", null, "Bad request", locale));
		Map<String, String> fields = new LinkedHashMap<>();
		exception.getBindingResult().getFieldErrors()
			.forEach(error -> fields.put(error.getField(), messages.getMessage(error, locale)));
		problem.setDetail(messages.getMessage("error.invalid-fields", new Object[] { String.join(", ", fields.keySet()) },
				locale));
		problem.setProperty("fields", fields);
		return ResponseEntity.badRequest().body(problem);
	}
}
