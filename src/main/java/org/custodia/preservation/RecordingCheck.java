package org.custodia.preservation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The four properties of one recording, each check with its basis. */
public record RecordingCheck(UUID recordingId, String agency, String originalName, String sha256, long size,
		Instant checkedAt, List<FourCheck> checks) {

	/** The worst result of every check. */
	public FourCheck.Result result() {
		return checks.stream().map(FourCheck::result).reduce(FourCheck.Result.PASS, FourCheck.Result::and);
	}

	/** The worst result of the property's checks. */
	public FourCheck.Result result(FourCheck.Property property) {
		return checks.stream().filter(check -> check.property() == property).map(FourCheck::result)
			.reduce(FourCheck.Result.PASS, FourCheck.Result::and);
	}

	/** The checks of one property. */
	public List<FourCheck> of(FourCheck.Property property) {
		return checks.stream().filter(check -> check.property() == property).toList();
	}

	RecordingCheck withChecks(List<FourCheck> worded) {
		return new RecordingCheck(recordingId, agency, originalName, sha256, size, checkedAt, worded);
	}
}
