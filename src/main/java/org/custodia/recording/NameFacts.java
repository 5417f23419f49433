package org.custodia.recording;

import java.time.LocalDateTime;

/**
 * What a device wrote into a recording's file name; each part is null when the name does not say it.
 *
 * @param maker the maker whose naming scheme the name follows, where the scheme identifies one (a body
 *        camera whose container names no maker), else null
 */
public record NameFacts(String deviceNumber, LocalDateTime time, boolean important, String maker) {

	public static final NameFacts NOTHING = new NameFacts(null, null, false, null);

	public NameFacts(String deviceNumber, LocalDateTime time, boolean important) {
		this(deviceNumber, time, important, null);
	}
}
