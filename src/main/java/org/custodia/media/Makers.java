package org.custodia.media;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The maker and model a camera's own boxes imply where the container names neither: a GoPro writes
 * only its firmware version (udta FIRM), whose prefix names the camera generation.
 */
final class Makers {

	/** HD3 to HD9 firmware for HERO3 to HERO9; H21 onwards for HERO10 onwards (H21 → HERO10). */
	private static final Pattern GOPRO_FIRMWARE = Pattern.compile("^(?:HD(\\d)|H(\\d{2}))\\.\\d{2}\\.");

	private Makers() {
	}

	static void fillFromFirmware(String firmware, FactsBuilder facts) {
		Matcher gopro = firmware == null ? null : GOPRO_FIRMWARE.matcher(firmware.trim());
		if (gopro == null || !gopro.find()) {
			return;
		}
		if (facts.make == null) {
			facts.make = "GoPro";
		}
		if (facts.model == null) {
			int generation = gopro.group(1) != null ? Integer.parseInt(gopro.group(1))
					: Integer.parseInt(gopro.group(2)) - 11;
			facts.model = "HERO" + generation;
		}
	}
}
