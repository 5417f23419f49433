package org.custodia.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.custodia.TestMedia;
import org.custodia.device.DeviceKind;
import org.custodia.device.DeviceRegister;
import org.custodia.device.NewDevice;
import org.custodia.shared.Actor;
import org.custodia.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the import fault tests share: a custodian, a fresh device, files of known bytes, a look into the store. */
final class ImportFixtures {

	// Not the agency of RecordingImportIntegrationTests: the context is shared, and the same media would be duplicates there.
	static final String AGENCY = "pingdingshan-culture";

	static final Path MEDIA = TestMedia.FOLDER;

	private ImportFixtures() {
	}

	/** The workstation's custodian. */
	record Custodian(String code) implements Actor {

		@Override
		public UUID userId() {
			return new UUID(0, 3);
		}

		@Override
		public String username() {
			return "fault-test-custodian";
		}

		@Override
		public Optional<String> agency() {
			return Optional.of(code);
		}

		@Override
		public Set<Role> roles() {
			return Set.of(Role.CUSTODIAN);
		}
	}

	static final Actor CUSTODIAN = new Custodian(AGENCY);

	static String newDevice(DeviceRegister register) {
		String number = "KFF-" + UUID.randomUUID().toString().substring(0, 8);
		register.register(CUSTODIAN, new NewDevice(AGENCY, number, DeviceKind.BODY_CAMERA, null, null, null, null, null,
				null, null, null, null, null));
		return number;
	}

	/** Bytes no other test file has, so each is a new original rather than a duplicate. */
	static byte[] unique(int size) {
		byte[] bytes = new byte[size];
		new Random(UUID.randomUUID().getMostSignificantBits()).nextBytes(bytes);
		return bytes;
	}

	static Path write(Path file, byte[] bytes) {
		try {
			Files.createDirectories(file.getParent());
			return Files.write(file, bytes);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Every file under the store that is neither a temporary file nor the store's own bookkeeping. */
	static List<Path> blobs(Path store) {
		return walk(store).filter(path -> !inHidden(store, path)).toList();
	}

	static List<Path> parts(Path store) {
		return walk(store).filter(path -> path.getFileName().toString().endsWith(".part")).toList();
	}

	/** Rows of the fixtures' agency with this content: once per agency (another agency may hold the same, e.g. an empty file). */
	static long rows(JdbcClient jdbc, String sha256) {
		return jdbc.sql("select count(*) from recording_recording where agency_code = :agency and sha256 = :sha")
			.param("agency", AGENCY).param("sha", sha256).query(Long.class).single();
	}

	static long count(JdbcClient jdbc, String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private static boolean inHidden(Path store, Path path) {
		for (Path part : store.relativize(path)) {
			if (part.toString().startsWith(".")) {
				return true;
			}
		}
		return false;
	}

	private static Stream<Path> walk(Path store) {
		if (!Files.isDirectory(store)) {
			return Stream.empty();
		}
		try (Stream<Path> files = Files.walk(store)) {
			return files.filter(Files::isRegularFile).toList().stream();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
