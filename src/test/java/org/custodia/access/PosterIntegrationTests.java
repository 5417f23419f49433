package org.custodia.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.custodia.TestMedia;
import org.custodia.device.DeviceKind;
import org.custodia.device.DeviceRegister;
import org.custodia.device.NewDevice;
import org.custodia.identity.TestAccounts;
import org.custodia.ingest.RecordingImports;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.Role;
import org.custodia.shared.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A poster frame and the seek frames are pictures of the footage: they go to exactly those who may play
 * the recording back (the recording officer, his unit head, the legal head), as the picture itself does.
 */
@CustodiaIntegrationTest
class PosterIntegrationTests {

	static final String AGENCY = "fengnan-medins";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	DeviceRegister devices;

	@Autowired
	RecordingImports imports;

	@Test
	void thePosterAndTheSeekFramesGoToExactlyThoseWhoMayWatch() throws Exception {
		String officer = accounts.create(AGENCY, Role.OFFICER);
		Actor custodian = accounts.account(accounts.signedIn(mvc, AGENCY, Role.CUSTODIAN));
		String number = "PO-" + UUID.randomUUID().toString().substring(0, 8);
		devices.register(custodian, new NewDevice(AGENCY, number, DeviceKind.BODY_CAMERA, null, null, null, null, null, null,
				null, null, null, null));
		List<RecordingImports.Outcome> outcomes = imports.importFolder(custodian, AGENCY, number, accounts.idOf(officer),
				readableCard());
		String base = "/api/v1/recordings/" + outcomes.get(0).recordingId();
		String legalHead = accounts.create(AGENCY, Role.LEGAL_HEAD);
		for (String watcher : List.of(officer, legalHead)) {
			Approvals.toWatch(mvc, accounts, AGENCY, accounts.bearer(mvc, watcher), outcomes.get(0).recordingId());
		}

		for (String watcher : List.of(officer, legalHead)) {
			byte[] poster = mvc.perform(get(base + "/poster").header("Authorization", accounts.bearer(mvc, watcher)))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Type", "image/jpeg"))
				.andExpect(header().string("Cache-Control", "private, no-store"))
				.andReturn().getResponse().getContentAsByteArray();
			assertThat(ImageIO.read(new ByteArrayInputStream(poster)).getWidth()).isPositive();
			mvc.perform(get(base + "/strip/0").header("Authorization", accounts.bearer(mvc, watcher)))
				.andExpect(status().isOk());
		}
		String colleague = accounts.bearer(mvc, accounts.create(AGENCY, Role.OFFICER));
		String custodianToken = accounts.bearer(mvc, custodian.username(), TestAccounts.PASSWORD + "-new");
		for (String notWatching : List.of(colleague, custodianToken)) {
			for (String picture : List.of("/poster", "/strip/0")) {
				mvc.perform(get(base + picture).header("Authorization", notWatching))
					.andExpect(status().isForbidden())
					.andExpect(jsonPath("$.rule").value("002 art. 16"));
			}
		}
		mvc.perform(get(base + "/poster").header("Authorization", accounts.bearer(mvc, accounts.create("kaifeng-audit",
				Role.LEGAL_HEAD))))
			.andExpect(status().isNotFound());
	}

	/**
	 * A video no other test imports that still reads as whole (so it has a poster): the sample with an MP4
	 * {@code free} box of random bytes after its last box, which players skip.
	 */
	private static Path readableCard() throws Exception {
		Path folder = Files.createDirectories(TestDatabases.newDataDirectory().resolve("DCIM"));
		byte[] sample = Files.readAllBytes(TestMedia.file("sample_mpeg4.mp4"));
		byte[] free = new byte[24];
		new Random().nextBytes(free);
		ByteBuffer.wrap(free).putInt(free.length).put("free".getBytes(StandardCharsets.US_ASCII));
		Files.write(folder.resolve("clip.mp4"), sample);
		Files.write(folder.resolve("clip.mp4"), free, StandardOpenOption.APPEND);
		return folder;
	}
}
