package org.custodia.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
		Files.createDirectories(directory);
		KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		byte[] id = new byte[6];
		new SecureRandom().nextBytes(id);
		byte[] spki = pair.getPublic().getEncoded();
		SignedNote.VerifierKey verifier = SignedNote.VerifierKey.of("custodia.ledger/" + HexFormat.of().formatHex(id),
				Arrays.copyOfRange(spki, spki.length - 32, spki.length));
		Files.writeString(verifierFile, verifier.text() + "\n", StandardCharsets.UTF_8);
		Path temporary = directory.resolve("signing-key.pk8.tmp");
		Files.writeString(temporary, Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n",
				StandardCharsets.US_ASCII);
		try {
			Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException e) {
			// Not a POSIX file system (Windows): the data directory's own permissions protect the key.
		}
		Files.move(temporary, keyFile);
		log.info("Made the ledger's signing key in {}", directory);
	}
}
