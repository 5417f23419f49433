package org.custodia.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.custodia.device.DeviceKind;
import org.custodia.device.DeviceRegister;
import org.custodia.device.NewDevice;
import org.custodia.identity.TestAccounts;
import org.custodia.ledger.Ledger;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.CustodiaProperties;
import org.custodia.shared.Role;
import org.custodia.shared.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/**
 * Imports by path read only from the dock's roots and the agency's own import roots, judged by the real
 * path: every folder of the reproduction (issue 15) is refused through both import endpoints with the rule,
 * and links inside an imported folder are reported as skipped, never followed.
 */
@CustodiaIntegrationTest
@ContextConfiguration(initializers = ImportRootsIntegrationTests.Roots.class)
class ImportRootsIntegrationTests {

	/** Under the temporary directory, which every test agency may import from. */
	static final Path PLACE = TestDatabases.newDataDirectory();

	static final Path DOCK = PLACE.resolve("media");

	/** An import root of zhanhe-health alone. */
	static final Path ZHANHE_ONLY = PLACE.resolve("zhanhe-only");

	static final List<String> ENDPOINTS = List.of("/api/v1/recordings/import", "/api/v1/imports");

	/** The shared test settings, and a dock root and an import root that belongs to one agency only. */
	static class Roots implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			new CustodiaIntegrationTest.H2DataDirectory().initialize(context);
			try {
				Files.createDirectories(DOCK);
				Files.createDirectories(ZHANHE_ONLY);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			// The watcher looks once at start, when the dock is still empty: the volumes here are imported by path.
			TestPropertyValues.of("custodia.dock.roots=" + DOCK, "custodia.dock.poll-interval=1h",
					"custodia.ingest.import-roots.zhanhe-health=" + System.getProperty("java.io.tmpdir") + "," + ZHANHE_ONLY)
				.applyTo(context);
		}
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	DeviceRegister register;

	@Autowired
	CustodiaProperties custodia;

	@Autowired
	Ledger ledger;

	String bearer;

	String device;

	@BeforeEach
	void aCustodianOfNeiqiuWithADevice() throws Exception {
		Actor custodian = accounts.account(accounts.signedIn(mvc, "neiqiu-health", Role.CUSTODIAN));
		bearer = accounts.bearer(mvc, custodian.username(), TestAccounts.PASSWORD + "-new");
		device = "NQR-" + System.nanoTime() % 1_000_000;
		register.register(custodian, new NewDevice("neiqiu-health", device, DeviceKind.BODY_CAMERA, null, null, null,
				null, null, null, null, null, null, null));
	}

	@Test
	void refusesEveryFolderOfTheReproductionThroughBothEndpointsNamingTheRule() throws Exception {
		Path dataDir = custodia.dataDir().toAbsolutePath().normalize();
		Path otherStore = anotherAgencyHasImported();
		Path linkOut = Files.createSymbolicLink(PLACE.resolve("link-out-" + System.nanoTime()), Path.of("/etc"));
		Path linkIn = Files.createSymbolicLink(PLACE.resolve("link-in-" + System.nanoTime()), dataDir.resolve("ledger"));
		Path zhanheCard = Files.createDirectories(ZHANHE_ONLY.resolve("card-" + System.nanoTime()));
		Files.writeString(zhanheCard.resolve("a.txt"), "zhanhe's");
		Path zhanheVolume = Files.createDirectories(DOCK.resolve("ZH" + System.nanoTime()));
		Files.writeString(zhanheVolume.resolve("CUSTODIA-DEVICE.txt"), "agency=zhanhe-health\ndevice=ZH-1\n");

		Map<String, String> outside = Map.of("/etc", "/etc", "/root", "/root", "/tmp/../etc", "/tmp/../etc",
				linkOut.toString(), "link out of the root");
		Map<String, String> ownData = Map.of(dataDir.toString(), "the data directory", otherStore.toString(),
				"another agency's store folder", dataDir.resolve("ledger").toString(), "the ledger folder",
				linkIn.toString(), "a link into the ledger folder", System.getProperty("java.io.tmpdir"),
				"a root that holds the data directory", dataDir.resolve("store").resolve("..").toString(), "dot-dot");
		for (String endpoint : ENDPOINTS) {
			for (var folder : outside.entrySet()) {
				importing(endpoint, folder.getKey())
					.andExpect(status().isForbidden())
					.andExpect(jsonPath("$.rule").value(containsString("custodia.ingest.import-roots")))
					.andExpect(jsonPath("$.field").value("folder"))
					.andExpect(jsonPath("$.detail").value(containsString("不在采集站的设备接入目录或本机构的导入目录之内")));
			}
			for (String relative : List.of("../../etc", "x/../../../etc")) {
				importing(endpoint, relative)
					.andExpect(status().isBadRequest())
					.andExpect(jsonPath("$.field").value("folder"))
					.andExpect(jsonPath("$.detail").value(containsString("导入文件夹须写完整路径")));
			}
			for (var folder : ownData.entrySet()) {
				importing(endpoint, folder.getKey())
					.andExpect(status().isForbidden())
					.andExpect(jsonPath("$.rule").value(containsString("never a source of imports")))
					.andExpect(jsonPath("$.detail").value(containsString("是本系统自己的数据")));
			}
			for (Path others : List.of(zhanheCard, zhanheVolume)) {
				importing(endpoint, others.toString())
					.andExpect(status().isForbidden())
					.andExpect(jsonPath("$.rule").value(containsString("tenants are isolated")))
					.andExpect(jsonPath("$.detail").value(containsString("属于另一机构的导入目录或另一机构的设备")));
			}
		}
		mvc.perform(post(ENDPOINTS.get(0)).header("Authorization", bearer).header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON).content(body("/etc")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("is not inside the workstation's dock roots")));
		assertThat(ledger.entries(0, 1_000_000)).filteredOn(entry -> entry.action().equals("recording.ingested"))
			.noneMatch(entry -> entry.payloadJson().contains(device));
		mvc.perform(get("/api/v1/imports").header("Authorization", bearer))
			.andExpect(jsonPath("$[?(@.device == '%s')]".formatted(device)).isEmpty());
	}

	@Test
	void reportsLinksAndSpecialFilesInsideAnImportedFolderAsSkippedAndNeverReadsThem() throws Exception {
		Path folder = Files.createDirectories(PLACE.resolve("card-" + System.nanoTime()).resolve("DCIM"));
		Files.writeString(folder.resolve("real.txt"), "the device's own " + System.nanoTime());
		Files.createSymbolicLink(folder.resolve("passwd.mp4"), Path.of("/etc/passwd"));
		Files.createSymbolicLink(folder.resolve("etc"), Path.of("/etc"));
		Files.createSymbolicLink(folder.resolve("again.txt"), folder.resolve("real.txt"));
		Process fifo = new ProcessBuilder("mkfifo", folder.resolve("pipe").toString()).start();
		assertThat(fifo.waitFor()).isZero();

		String body = importing(ENDPOINTS.get(0), folder.toString()).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(JsonPath.<List<String>>read(body, "$[?(@.result == 'STORED')].file")).containsExactly("real.txt");
		assertThat(JsonPath.<List<String>>read(body, "$[?(@.problem == 'symlink')].file"))
			.containsExactlyInAnyOrder("passwd.mp4", "etc", "again.txt");
		assertThat(JsonPath.<List<String>>read(body, "$[?(@.problem == 'special-file')].result")).containsExactly("SKIPPED");

		String started = importing(ENDPOINTS.get(1), folder.toString()).andExpect(status().isAccepted())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		String done = ImportJobsIntegrationTests.finished(mvc, bearer, JsonPath.read(started, "$.id"));
		assertThat(JsonPath.<Integer>read(done, "$.filesTotal")).isEqualTo(5);
		assertThat(JsonPath.<List<String>>read(done, "$.outcomes[?(@.file == 'passwd.mp4')].text"))
			.containsExactly("跳过；这是符号链接，不跟随读取：导入只读取文件夹里的真实文件");
		assertThat(JsonPath.<List<String>>read(done, "$.outcomes[?(@.file == 'real.txt')].result")).containsExactly("ALREADY_IMPORTED");
		assertThat(ledger.entries(0, 1_000_000)).filteredOn(entry -> entry.action().equals("recording.ingested"))
			.noneMatch(entry -> entry.payloadJson().contains("passwd") || entry.payloadJson().contains("again.txt"));
	}

	@Test
	void theAgencyWhoseRootItIsImportsFromIt() throws Exception {
		Path store = anotherAgencyHasImported();
		assertThat(store).isDirectory();
	}

	/** zhanhe-health imports from its own root, so its store folder exists; the folder of that store. */
	private Path anotherAgencyHasImported() throws Exception {
		Actor zhanhe = accounts.account(accounts.signedIn(mvc, "zhanhe-health", Role.CUSTODIAN));
		String zhanheBearer = accounts.bearer(mvc, zhanhe.username(), TestAccounts.PASSWORD + "-new");
		String number = "ZHR-" + System.nanoTime() % 1_000_000;
		register.register(zhanhe, new NewDevice("zhanhe-health", number, DeviceKind.BODY_CAMERA, null, null, null, null,
				null, null, null, null, null, null));
		Path card = Files.createDirectories(ZHANHE_ONLY.resolve("own-" + System.nanoTime()));
		Files.writeString(card.resolve("note.txt"), "zhanhe " + System.nanoTime());
		mvc.perform(post(ENDPOINTS.get(0)).header("Authorization", zhanheBearer).contentType(MediaType.APPLICATION_JSON)
			.content("{\"folder\":\"%s\",\"device\":\"%s\"}".formatted(card, number)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].result").value("STORED"));
		return custodia.dataDir().toAbsolutePath().normalize().resolve("store").resolve("zhanhe-health");
	}

	private ResultActions importing(String endpoint, String folder) throws Exception {
		return mvc.perform(post(endpoint).header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
			.content(body(folder)));
	}

	private String body(String folder) {
		return "{\"folder\":\"%s\",\"device\":\"%s\"}".formatted(folder, device);
	}
}
