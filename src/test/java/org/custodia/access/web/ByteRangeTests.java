package org.custodia.access.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** What a Range header asks of a file of 1000 bytes, by RFC 9110 §14. */
class ByteRangeTests {

	static final long SIZE = 1000;

	@Test
	void servesOneRangeASuffixAndAnOpenEndClippedToTheFile() {
		assertThat(wanted("bytes=0-99")).isEqualTo(part(0, 99));
		assertThat(wanted("bytes=-100")).isEqualTo(part(900, 999));
		assertThat(wanted("bytes=990-")).isEqualTo(part(990, 999));
		assertThat(wanted("bytes=990-5000")).isEqualTo(part(990, 999));
		assertThat(wanted("Bytes=0-0")).as("the unit is case-blind").isEqualTo(part(0, 0));
		assertThat(wanted("bytes=0-99999999999999999999999")).as("an end past any long is the file's end").isEqualTo(part(0, 999));
		assertThat(wanted("bytes=-99999999999999999999999")).as("a suffix longer than the file is all of it").isEqualTo(part(0, 999));
	}

	@Test
	void servesTheFirstSatisfiableOfSeveralRanges() {
		assertThat(wanted("bytes=0-1,5-9")).isEqualTo(part(0, 1));
		assertThat(wanted("bytes=5000-6000, 10-19")).isEqualTo(part(10, 19));
		assertThat(wanted("bytes=0-1,,")).as("empty list elements mean nothing").isEqualTo(part(0, 1));
	}

	@Test
	void refusesWhatIsNoRangeAtAll() {
		for (String broken : List.of("bytes=abc", "bytes=5-2", "bytes=--1", "bytes=", "bytes=,", "bytes", "=0-1",
				"bytes=0-1,x", "bytes=1-2-3", "bytes=１-2", "bytes 0-1")) {
			assertThat(wanted(broken)).as(broken).isInstanceOf(ByteRange.Invalid.class);
		}
		assertThat(ByteRange.of(List.of("bytes=0-1", "bytes=5-9"), SIZE)).as("two Range fields")
			.isInstanceOf(ByteRange.Invalid.class);
	}

	@Test
	void answersWellFormedRangesBeyondTheFileAsUnsatisfiable() {
		for (String beyond : List.of("bytes=1000-", "bytes=99999999999999999999999-", "bytes=-0", "bytes=1000-1001,2000-")) {
			assertThat(wanted(beyond)).as(beyond).isInstanceOf(ByteRange.Unsatisfiable.class);
		}
		assertThat(ByteRange.of(List.of("bytes=0-"), 0)).as("any range of an empty file").isInstanceOf(ByteRange.Unsatisfiable.class);
	}

	@Test
	void ignoresUnitsItDoesNotKnowAsTheRfcRequires() {
		assertThat(wanted("items=0-1")).isInstanceOf(ByteRange.Whole.class);
		assertThat(ByteRange.of(List.of(), SIZE)).isInstanceOf(ByteRange.Whole.class);
	}

	private static ByteRange.Wanted wanted(String header) {
		return ByteRange.of(List.of(header), SIZE);
	}

	private static ByteRange.Part part(long start, long end) {
		return new ByteRange.Part(new ByteRange(start, end));
	}
}
