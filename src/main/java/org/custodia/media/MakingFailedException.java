package org.custodia.media;

/**
 * A derived copy that cannot be made from this original. The problem starts with a stable code that
 * the message bundles explain ({@code media.problem.<code>}), followed by what FFmpeg said.
 */
class MakingFailedException extends RuntimeException {

	private final String code;

	MakingFailedException(String code, String detail) {
		super(code + ": " + detail);
		this.code = code;
	}

	MakingFailedException(String code, String detail, Throwable cause) {
		super(code + ": " + detail, cause);
		this.code = code;
	}

	String code() {
		return code;
	}

	/** The problem as stored with the copy. */
	String problem() {
		String message = getMessage();
		return message.length() <= 1000 ? message : message.substring(0, 1000);
	}
}
