package org.custodia.storage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;

/** SHA-256 from the JDK and SM3 (GB/T 32905, as DA/T 97-2023 asks of Chinese archives) from BouncyCastle. */
final class Digests {

	private Digests() {
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	static String hex(SM3Digest sm3) {
		byte[] out = new byte[sm3.getDigestSize()];
		sm3.doFinal(out, 0);
		return HexFormat.of().formatHex(out);
	}
}
