package org.custodia.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

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
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;

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

	/** A body that is not JSON, holds a value of the wrong kind or a number out of range, or is too large. */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		if (causedBy(exception, RequestBodyLimit.BodyTooLargeException.class) != null) {
			ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.CONTENT_TOO_LARGE);
			problem.setTitle(messages.getMessage("problem.title.413", null, "Content too large", locale));
			problem.setDetail(messages.getMessage("problem.detail.413", null, locale));
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
		}
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
		problem.setTitle(messages.getMessage("problem.title.400", null, "Bad request", locale));
		JacksonException databind = causedBy(exception, JacksonException.class);
		String field = databind == null ? "" : databind.getPath().stream()
			.map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
					: String.valueOf(reference.getIndex()))
			.collect(Collectors.joining("."));
		if (field.isEmpty()) {
			problem.setDetail(messages.getMessage("error.unreadable-body", null, locale));
		}
		else {
			problem.setDetail(messages.getMessage("error.unreadable-field", new Object[] { field }, locale));
			problem.setProperty("fields", Map.of(field, messages.getMessage("error.unreadable-value", null, locale)));
		}
		return ResponseEntity.badRequest().body(problem);
	}

	/** Spring's other refusals (a missing parameter, a wrong method or media type) in the caller's language. */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception exception, Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = body instanceof ProblemDetail given ? given : ProblemDetail.forStatus(status);
		problem.setTitle(messages.getMessage("problem.title." + status.value(), null, problem.getTitle(), locale));
		String parameter = exception instanceof MissingServletRequestParameterException missing ? missing.getParameterName()
				: exception instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : null;
		problem.setDetail(parameter != null
				? messages.getMessage("error.invalid-fields", new Object[] { parameter }, locale)
				: messages.getMessage("problem.detail." + status.value(), new Object[] { "" },
						messages.getMessage("error.generic", new Object[] { status.value() }, locale), locale));
		return super.handleExceptionInternal(exception, problem, headers, status, request);
	}

	private static <T extends Throwable> T causedBy(Throwable exception, Class<T> type) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
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
