/**
 * Values every module speaks: roles, the acting user, the data directory, the clock and the one
 * exception type that carries an HTTP status, a message key and the rule behind a refusal; and the events
 * that modules below their publisher must hear ({@link org.custodia.shared.RecordingIngested}).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.custodia.shared;
