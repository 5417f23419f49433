package org.custodia.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Checkpoints as C2SP signed notes (tlog-checkpoint): an origin line, the tree size, the base64 root
 * hash, a blank line, and one Ed25519 signature line "— name base64(key id ‖ signature)". Verifier
 * keys are written "name+hex(key id)+base64(0x01 ‖ public key)".
 */
final class SignedNote {

	static final byte ED25519 = 0x01;

	private static final byte[] X509_ED25519_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

	private SignedNote() {
	}

	/** A checkpoint as read from a verified note. */
	record Checkpoint(String origin, long size, byte[] root) {

		String body() {
			return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
		}
	}

	/** The public half of a signing key, as text a verifier keeps. */
	record VerifierKey(String name, byte[] keyId, byte[] publicKey) {

		static VerifierKey of(String name, byte[] rawPublicKey) {
			return new VerifierKey(name, SignedNote.keyId(name, rawPublicKey), rawPublicKey);
		}

		static VerifierKey parse(String text) {
			String[] parts = text.strip().split("\\+", 3);
			if (parts.length != 3) {
				throw new IllegalArgumentException("a verifier key is name+keyid+key");
			}
			byte[] encoded = Base64.getDecoder().decode(parts[2]);
			if (encoded.length != 33 || encoded[0] != ED25519) {
				throw new IllegalArgumentException("not an Ed25519 verifier key");
			}
			VerifierKey key = of(parts[0], Arrays.copyOfRange(encoded, 1, 33));
			if (!HexFormat.of().formatHex(key.keyId).equals(parts[1])) {
				throw new IllegalArgumentException("the key id does not match the key");
			}
			return key;
		}

		String text() {
			byte[] encoded = new byte[33];
			encoded[0] = ED25519;
			System.arraycopy(publicKey, 0, encoded, 1, 32);
			return name + "+" + HexFormat.of().formatHex(keyId) + "+" + Base64.getEncoder().encodeToString(encoded);
		}

		PublicKey javaKey() throws GeneralSecurityException {
			byte[] spki = new byte[X509_ED25519_PREFIX.length + 32];
			System.arraycopy(X509_ED25519_PREFIX, 0, spki, 0, X509_ED25519_PREFIX.length);
			System.arraycopy(publicKey, 0, spki, X509_ED25519_PREFIX.length, 32);
			return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
		}
	}

	/** The first four bytes of SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key), per the signed-note spec. */
	static byte[] keyId(String name, byte[] rawPublicKey) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(name.getBytes(StandardCharsets.UTF_8));
			sha256.update((byte) '\n');
			sha256.update(ED25519);
			return Arrays.copyOf(sha256.digest(rawPublicKey), 4);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	static String sign(Checkpoint checkpoint, VerifierKey key, PrivateKey privateKey) {
		try {
			Signature signer = Signature.getInstance("Ed25519");
			signer.initSign(privateKey);
			signer.update(checkpoint.body().getBytes(StandardCharsets.UTF_8));
			byte[] signature = signer.sign();
			byte[] line = new byte[4 + signature.length];
			System.arraycopy(key.keyId(), 0, line, 0, 4);
			System.arraycopy(signature, 0, line, 4, signature.length);
			return checkpoint.body() + "\n\u2014 " + key.name() + " " + Base64.getEncoder().encodeToString(line) + "\n";
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("cannot sign a checkpoint", e);
		}
	}

	/** The checkpoint, if the note is well formed and carries a valid signature by the key. */
	static Optional<Checkpoint> verify(String note, VerifierKey key) {
		int blank = note.indexOf("\n\n");
		if (blank < 0) {
			return Optional.empty();
		}
		String body = note.substring(0, blank + 1);
		String[] lines = body.split("\n");
		if (lines.length < 3) {
			return Optional.empty();
		}
		Checkpoint checkpoint;
		try {
			checkpoint = new Checkpoint(lines[0], Long.parseLong(lines[1]), Base64.getDecoder().decode(lines[2]));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
		String prefix = "\u2014 " + key.name() + " ";
		for (String line : note.substring(blank + 2).split("\n")) {
			if (!line.startsWith(prefix)) {
				continue;
			}
			try {
				byte[] signatureLine = Base64.getDecoder().decode(line.substring(prefix.length()));
				if (signatureLine.length != 68 || !Arrays.equals(Arrays.copyOf(signatureLine, 4), key.keyId())) {
					continue;
				}
				Signature verifier = Signature.getInstance("Ed25519");
				verifier.initVerify(key.javaKey());
				verifier.update(body.getBytes(StandardCharsets.UTF_8));
				if (verifier.verify(Arrays.copyOfRange(signatureLine, 4, 68))) {
					return Optional.of(checkpoint);
				}
			}
			catch (IllegalArgumentException | GeneralSecurityException e) {
				return Optional.empty();
			}
		}
		return Optional.empty();
	}
}
