package org.custodia.media;

/** Collects what the readers find, so each can fill what it knows before the facts are fixed. */
final class FactsBuilder {

	String format;

	Long durationMillis;

	StatedTime created;

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

	final java.util.List<StatedTime> statedTimes = new java.util.ArrayList<>();

	/** Keeps every creation time found; the first is the file's own claim, as readers run from the most to the least trustworthy. */
	void created(StatedTime time) {
		if (time == null) {
			return;
		}
		if (created == null) {
			created = time;
		}
		if (statedTimes.stream().noneMatch(known -> known.tag().equals(time.tag()) && known.asStated().equals(time.asStated()))) {
			statedTimes.add(time);
		}
	}

	MediaFacts build() {
		return new MediaFacts(format, durationMillis, created == null ? null : created.asStated(),
				created == null ? null : created.tag(), created == null ? null : created.offset(),
				created == null ? null : created.instant(), videoCodec, width, height, frameRate, audioCodec,
				audioChannels, audioSampleRate, make, model, latitude, longitude, altitude, problem, statedTimes,
				streamsDurationMillis);
	}
}
