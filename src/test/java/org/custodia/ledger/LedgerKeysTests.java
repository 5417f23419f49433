package org.custodia.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.custodia.shared.CustodiaProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signing key is the service account's alone: made so, and put back so at start when found open. */
class LedgerKeysTests {

	@TempDir
	Path dataDir;

	@Test
	void makesTheSigningKeyReadableByItsOwnerOnlyInAFolderOfItsOwnerOnly() throws Exception {
		new LedgerKeys(new CustodiaProperties(dataDir, false));
		assertThat(permissions("ledger/signing-key.pk8")).isEqualTo("rw-------");
		assertThat(permissions("ledger")).isEqualTo("rwx------");
	}

	@Test
	void aKeyFoundOpenToOthersIsClosedAtStart() throws Exception {
		LedgerKeys made = new LedgerKeys(new CustodiaProperties(dataDir, false));
		Files.setPosixFilePermissions(dataDir.resolve("ledger/signing-key.pk8"), PosixFilePermissions.fromString("rw-r--r--"));
		Files.setPosixFilePermissions(dataDir.resolve("ledger"), PosixFilePermissions.fromString("rwxr-xr-x"));

		LedgerKeys restarted = new LedgerKeys(new CustodiaProperties(dataDir, false));
		assertThat(permissions("ledger/signing-key.pk8")).isEqualTo("rw-------");
		assertThat(permissions("ledger")).isEqualTo("rwx------");
		assertThat(restarted.verifierKey().text()).isEqualTo(made.verifierKey().text());
	}

	private String permissions(String path) throws Exception {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(path)));
	}
}
