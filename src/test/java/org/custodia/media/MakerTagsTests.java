package org.custodia.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The maker's own tags where the test files hold one case each: firmware generations and XMP forms. */
class MakerTagsTests {

	@Test
	void namesTheGoProGenerationItsFirmwareVersionBegins() {
		assertThat(model("HD9.01.01.72.00")).isEqualTo("HERO9");
		assertThat(model("HD5.02.02.60.00")).isEqualTo("HERO5");
		assertThat(model("H21.01.01.62.00")).isEqualTo("HERO10");
		assertThat(model("H22.01.02.01.00")).isEqualTo("HERO11");
		assertThat(model("v1.0.3")).as("another maker's firmware").isNull();
	}

	@Test
	void keepsTheMakeAndModelTheContainerStates() {
		FactsBuilder facts = new FactsBuilder();
		facts.make = "GoPro";
		facts.model = "HERO10 Black";

		Makers.fillFromFirmware("H21.01.01.62.00", facts);

		assertThat(facts.model).isEqualTo("HERO10 Black");
	}

	@Test
	void readsXmpTimesInElementAndAttributeForm() {
		Xmp elements = Xmp.parse("""
				<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
				 <xmp:CreateDate>2026-11-23T09:00:00+08:00</xmp:CreateDate>
				 <tiff:Make>DJI</tiff:Make>
				</rdf:Description>""");
		Xmp attributes = Xmp.parse("<rdf:Description exif:DateTimeOriginal='2026-11-23T01:00:00Z' tiff:Model='FC3170'/>");

		assertThat(elements.times()).containsExactly(new StatedTime("2026-11-23T09:00:00", "XMP:CreateDate", "+08:00",
				Instant.parse("2026-11-23T01:00:00Z")));
		assertThat(elements.make()).isEqualTo("DJI");
		assertThat(attributes.times().get(0).tag()).isEqualTo("XMP:DateTimeOriginal");
		assertThat(attributes.times().get(0).instant()).isEqualTo(Instant.parse("2026-11-23T01:00:00Z"));
		assertThat(attributes.model()).isEqualTo("FC3170");
		assertThat(Xmp.parse(null)).isEqualTo(Xmp.NOTHING);
	}

	@Test
	void readsADvFramesDateAndTimePacksAndNothingFromOtherBytes() {
		byte[] frame = new byte[6 * 80];
		frame[80] = 0x50; // a VAUX block
		byte[] date = { 0x62, (byte) 0xff, 0x23, 0x11, 0x26 };
		byte[] time = { 0x63, (byte) 0xff, 0x00, 0x00, 0x09 };
		System.arraycopy(date, 0, frame, 83, 5);
		System.arraycopy(time, 0, frame, 88, 5);

		assertThat(DvPacks.recordingTime(frame)).isEqualTo(new StatedTime("2026-11-23T09:00:00", "DV:DateTimeOriginal", null, null));
		assertThat(DvPacks.recordingTime(new byte[6 * 80])).isNull();
	}

	private static String model(String firmware) {
		FactsBuilder facts = new FactsBuilder();
		Makers.fillFromFirmware(firmware, facts);
		return facts.model;
	}
}
