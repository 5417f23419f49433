package org.custodia.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code src/test/resources/ledger-vectors/} once; {@link LedgerVectorsTests} then holds the
 * implementation to them. Run with the test classpath: {@code java … org.custodia.ledger.LedgerVectors DIR}.
 */
final class LedgerVectors {

	static final int SIZE = 11;

	private LedgerVectors() {
	}

	/** The entries of the vectors: every kind of value an entry holds, Chinese text and characters that need escaping. */
	static List<String> entries() {
		List<String> entries = new ArrayList<>();
		Instant start = Instant.parse("2026-11-23T01:02:03.456Z");
		for (int i = 0; i < SIZE; i++) {
			Map<String, Object> payload = new LinkedHashMap<>();
			payload.put("n", i);
			payload.put("中文", "第" + i + "条 \"引号\" \\ 反斜杠\t制表");
			payload.put("nested", Map.of("ok", i % 2 == 0, "list", List.of(i, -i, "x")));
			payload.put("none", null);
			entries.add(EntryEncoding.canonical(i, start.plusSeconds(61L * i), i % 3 == 0 ? null : "zhanhe-health",
					i % 3 == 0 ? "system:bootstrap" : "li.ming", i % 3 == 0 ? "" : "officer,custodian", "recording.viewed",
					"recording", "rec-" + i, payload));
		}
		return entries;
	}

	public static void main(String[] args) throws Exception {
		Path directory = Path.of(args[0]);
		Files.createDirectories(directory);
		List<String> entries = entries();
		List<byte[]> leaves = entries.stream().map(e -> Merkle.leafHash(e.getBytes(StandardCharsets.UTF_8))).toList();
		HexFormat hex = HexFormat.of();
		write(directory.resolve("entries.jsonl"), String.join("\n", entries) + "\n");
		StringBuilder leafLines = new StringBuilder();
		for (int i = 0; i < SIZE; i++) {
			leafLines.append(i).append(' ').append(hex.formatHex(leaves.get(i))).append('\n');
		}
		write(directory.resolve("leaf-hashes.txt"), leafLines.toString());
		StringBuilder rootLines = new StringBuilder();
		for (int n = 0; n <= SIZE; n++) {
			rootLines.append(n).append(' ').append(hex.formatHex(Merkle.root(leaves.subList(0, n)))).append('\n');
		}
		write(directory.resolve("roots.txt"), rootLines.toString());
		StringBuilder inclusion = new StringBuilder();
		for (int[] pair : new int[][] { { 0, 1 }, { 0, 11 }, { 5, 11 }, { 10, 11 }, { 6, 8 }, { 3, 7 } }) {
			inclusion.append(pair[0]).append(' ').append(pair[1]);
			Merkle.inclusionProof(leaves, pair[0], pair[1]).forEach(h -> inclusion.append(' ').append(hex.formatHex(h)));
			inclusion.append('\n');
		}
		write(directory.resolve("inclusion-proofs.txt"), inclusion.toString());
		StringBuilder consistency = new StringBuilder();
		for (int[] pair : new int[][] { { 1, 11 }, { 4, 11 }, { 6, 11 }, { 7, 8 }, { 3, 5 }, { 11, 11 } }) {
			consistency.append(pair[0]).append(' ').append(pair[1]);
			Merkle.consistencyProof(leaves, pair[0], pair[1]).forEach(h -> consistency.append(' ').append(hex.formatHex(h)));
			consistency.append('\n');
		}
		write(directory.resolve("consistency-proofs.txt"), consistency.toString());

		KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		byte[] spki = pair.getPublic().getEncoded();
		SignedNote.VerifierKey key = SignedNote.VerifierKey.of("custodia.ledger/test-vectors",
				Arrays.copyOfRange(spki, spki.length - 32, spki.length));
		write(directory.resolve("verifier-key.txt"), key.text() + "\n");
		write(directory.resolve("signing-key.pk8"), Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n");
		write(directory.resolve("checkpoint.txt"), SignedNote.sign(
				new SignedNote.Checkpoint(key.name(), SIZE, Merkle.root(leaves)), key, pair.getPrivate()));
	}

	private static void write(Path file, String text) throws IOException {
		Files.writeString(file, text, StandardCharsets.UTF_8);
	}
}
