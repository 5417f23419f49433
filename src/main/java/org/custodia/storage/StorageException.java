package org.custodia.storage;

import java.util.Map;

import org.custodia.shared.CustodiaException;
import org.springframework.http.HttpStatus;

/** The store could not take or give bytes: the message key says why and what to do. */
public class StorageException extends CustodiaException {

	StorageException(HttpStatus status, String messageKey, Throwable cause, Object... arguments) {
		super(status, messageKey, null, Map.of(), arguments);
		initCause(cause);
	}
}
