package org.custodia.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import org.custodia.shared.CustodiaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Ed25519 key that signs checkpoints, made at first start in {@code <data-dir>/ledger/}: the
 * private key (PKCS#8, readable by the owner only) and the verifier key, whose name is the log's origin.
 */
@Component
class LedgerKeys {

	private static final Logger log = LoggerFactory.getLogger(LedgerKeys.class);

	private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

	private final PrivateKey privateKey;

	private final SignedNote.VerifierKey verifierKey;

	LedgerKeys(CustodiaProperties properties) {
		Path directory = properties.dataDir().resolve("ledger");
		Path keyFile = directory.resolve("signing-key.pk8");
		Path verifierFile = directory.resolve("verifier-key");
		try {
			if (!Files.exists(keyFile)) {
				create(directory, keyFile, verifierFile);
			}
			ownerOnly(directory, "rwx------");
			ownerOnly(keyFile, "rw-------");
			byte[] pkcs8 = Base64.getMimeDecoder().decode(Files.readString(keyFile, StandardCharsets.US_ASCII).strip());
			this.privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
			this.verifierKey = SignedNote.VerifierKey.parse(Files.readString(verifierFile, StandardCharsets.UTF_8));
			SignedNote.Checkpoint probe = new SignedNote.Checkpoint(origin(), 0, Merkle.emptyRoot());
			if (SignedNote.verify(SignedNote.sign(probe, verifierKey, privateKey), verifierKey).isEmpty()) {
				throw new IllegalStateException("the ledger keys in " + directory + " do not belong together");
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read the ledger signing key in " + directory, e);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("the ledger signing key in " + directory + " is not an Ed25519 key", e);
		}
	}

	PrivateKey privateKey() {
		return privateKey;
	}

	SignedNote.VerifierKey verifierKey() {
		return verifierKey;
	}

	String origin() {
		return verifierKey.name();
	}

	private static void create(Path directory, Path keyFile, Path verifierFile)
			throws IOException, GeneralSecurityException {
		if (!Files.isDirectory(directory)) {
			Files.createDirectories(directory);
			if (posix(directory)) {
				Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
			}
		}
		KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		byte[] id = new byte[6];
		new SecureRandom().nextBytes(id);
		byte[] spki = pair.getPublic().getEncoded();
		SignedNote.VerifierKey verifier = SignedNote.VerifierKey.of("custodia.ledger/" + HexFormat.of().formatHex(id),
				Arrays.copyOfRange(spki, spki.length - 32, spki.length));
		Files.writeString(verifierFile, verifier.text() + "\n", StandardCharsets.UTF_8);
		Path temporary = directory.resolve("signing-key.pk8.tmp");
		Files.deleteIfExists(temporary);
		// Made owner-only from its first byte, not opened to everyone and closed afterwards.
		FileAttribute<?>[] ownerOnly = posix(directory)
				? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE) } : new FileAttribute<?>[0];
		try (var out = Files.newByteChannel(temporary, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
				ownerOnly)) {
			out.write(StandardCharsets.US_ASCII
				.encode(Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n"));
		}
		Files.move(temporary, keyFile);
		log.info("Made the ledger's signing key in {}", directory);
	}

	/**
	 * Takes every permission from group and others: the signing key is the service account's alone. A
	 * key found readable by others (copied with another umask, restored from a backup) is fixed, with a
	 * warning, rather than refused: refusing would stop the workstation while the fix is this one change.
	 */
	private static void ownerOnly(Path path, String permissions) throws IOException {
		if (!posix(path)) {
			// Not a POSIX file system (Windows): the data directory's own permissions protect the key.
			return;
		}
		Set<PosixFilePermission> wanted = PosixFilePermissions.fromString(permissions);
		Set<PosixFilePermission> present = Files.getPosixFilePermissions(path);
		if (!wanted.containsAll(present) || !present.containsAll(wanted)) {
			if (present.stream().anyMatch(permission -> !permission.name().startsWith("OWNER_"))) {
				log.warn("{} was open to others ({}); it is now {} (owner only)", path,
						PosixFilePermissions.toString(present), permissions);
			}
			Files.setPosixFilePermissions(path, wanted);
		}
	}

	private static boolean posix(Path path) {
		return path.getFileSystem().supportedFileAttributeViews().contains("posix");
	}
}
