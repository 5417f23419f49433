package org.custodia.media;

/** Collects what the readers find, so each can fill what it knows before the facts are fixed. */
final class FactsBuilder {

	String format;

	Long durationMillis;

	String videoCodec;

	Integer width;

	Integer height;

	Double frameRate;

	String audioCodec;

	Integer audioChannels;

	Integer audioSampleRate;

	String make;

	String model;

	Double latitude;

	Double longitude;

	Double altitude;

	String problem;

	Long streamsDurationMillis;

	String problemDetail;

	final java.util.List<StatedTime> statedTimes = new java.util.ArrayList<>();

	/** Container times UTC by the format's definition, not by a zone the writer stated. */
	private static final java.util.Set<String> UTC_BY_DEFINITION = java.util.Set.of("QuickTime:CreateDate", "creation_time");

	private static final String GPS_TIME = "Composite:GPSDateTime";

	/** Keeps every creation time found, each once; {@link #build()} orders them by trust. */
	void created(StatedTime time) {
		if (time == null) {
			return;
		}
		if (statedTimes.stream().noneMatch(known -> known.tag().equals(time.tag()) && known.asStated().equals(time.asStated()))) {
			statedTimes.add(time);
		}
	}

	/**
	 * A time with the offset its writer stated first, then a container's time UTC by definition (a camera
	 * may have set its clock's local time there), then the maker's local times, the GPS receiver's last:
	 * it is when the position was fixed, not when recording began. Readers add in their own order of
	 * trust, which the sort keeps within each rank.
	 */
	private static int trust(StatedTime time) {
		if (time.tag().equals(GPS_TIME)) {
			return 3;
		}
		if (UTC_BY_DEFINITION.contains(time.tag())) {
			return 1;
		}
		return time.offset() != null ? 0 : 2;
	}

	MediaFacts build() {
		statedTimes.sort(java.util.Comparator.comparingInt(FactsBuilder::trust));
		StatedTime created = statedTimes.isEmpty() ? null : statedTimes.get(0);
		return new MediaFacts(format, durationMillis, created == null ? null : created.asStated(),
				created == null ? null : created.tag(), created == null ? null : created.offset(),
				created == null ? null : created.instant(), videoCodec, width, height, frameRate, audioCodec,
				audioChannels, audioSampleRate, make, model, latitude, longitude, altitude, problem, statedTimes,
				streamsDurationMillis, problemDetail);
	}
}
