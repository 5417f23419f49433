package org.custodia.recording;

import java.time.LocalDateTime;

/** What a device wrote into a recording's file name; each part is null when the name does not say it. */
public record NameFacts(String deviceNumber, LocalDateTime time, boolean important) {

	public static final NameFacts NOTHING = new NameFacts(null, null, false);
}
