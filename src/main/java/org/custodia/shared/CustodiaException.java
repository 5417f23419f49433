package org.custodia.shared;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * Something a user caused and can act on. The message key resolves in the message bundles with
 * the arguments; the citation, when present, names the rule that decided (e.g. {@code 001-access art. 4}).
 */
public class CustodiaException extends RuntimeException {

	private final HttpStatus status;

	private final String messageKey;

	private final Object[] arguments;

	private final String citation;

	private final Map<String, Object> properties;

	public CustodiaException(HttpStatus status, String messageKey, String citation, Map<String, Object> properties,
			Object... arguments) {
		super(messageKey + (citation == null ? "" : " (" + citation + ")"));
		this.status = status;
		this.messageKey = messageKey;
		this.arguments = arguments;
		this.citation = citation;
		this.properties = Map.copyOf(properties);
	}

	public static CustodiaException notFound(String messageKey, Object... arguments) {
		return new CustodiaException(HttpStatus.NOT_FOUND, messageKey, null, Map.of(), arguments);
	}

	public static CustodiaException badRequest(String messageKey, Object... arguments) {
		return new CustodiaException(HttpStatus.BAD_REQUEST, messageKey, null, Map.of(), arguments);
	}

	public static CustodiaException conflict(String messageKey, Object... arguments) {
		return new CustodiaException(HttpStatus.CONFLICT, messageKey, null, Map.of(), arguments);
	}

	/** The request conflicts with the state of a thing, and the rule that says so is cited. */
	public static CustodiaException refused(String messageKey, String citation, Object... arguments) {
		return new CustodiaException(HttpStatus.CONFLICT, messageKey, citation, Map.of(), arguments);
	}

	public static CustodiaException forbidden(String messageKey, String citation, Object... arguments) {
		return new CustodiaException(HttpStatus.FORBIDDEN, messageKey, citation, Map.of(), arguments);
	}

	public HttpStatus status() {
		return status;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.clone();
	}

	/** The rule that decided, or null. */
	public String citation() {
		return citation;
	}

	public Map<String, Object> properties() {
		return properties;
	}
}
