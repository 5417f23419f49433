package org.custodia.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The implementation against the published vectors of docs/ledger-format.md. */
class LedgerVectorsTests {

	static final HexFormat HEX = HexFormat.of();

	@Test
	void entriesEncodeToTheVectorBytes() throws IOException {
		assertThat(LedgerVectors.entries()).containsExactlyElementsOf(lines("entries.jsonl"));
	}

	@Test
	void leafHashesRootsAndProofsMatchTheVectors() throws IOException {
		List<byte[]> leaves = lines("entries.jsonl").stream()
			.map(entry -> Merkle.leafHash(entry.getBytes(StandardCharsets.UTF_8)))
			.toList();
		for (String line : lines("leaf-hashes.txt")) {
			String[] parts = line.split(" ");
			assertThat(HEX.formatHex(leaves.get(Integer.parseInt(parts[0])))).isEqualTo(parts[1]);
		}
		Frontier frontier = Frontier.empty();
		for (String line : lines("roots.txt")) {
			String[] parts = line.split(" ");
			int size = Integer.parseInt(parts[0]);
			assertThat(HEX.formatHex(Merkle.root(leaves.subList(0, size)))).isEqualTo(parts[1]);
			assertThat(HEX.formatHex(frontier.root())).isEqualTo(parts[1]);
			if (size < leaves.size()) {
				frontier = frontier.append(leaves.get(size));
			}
		}
		for (String line : lines("inclusion-proofs.txt")) {
			String[] parts = line.split(" ");
			int index = Integer.parseInt(parts[0]);
			int size = Integer.parseInt(parts[1]);
			List<byte[]> proof = Arrays.stream(parts).skip(2).map(HEX::parseHex).toList();
			assertThat(Merkle.inclusionProof(leaves, index, size)).containsExactlyElementsOf(proof);
			assertThat(Merkle.verifyInclusion(leaves.get(index), index, size, proof, Merkle.root(leaves.subList(0, size))))
				.isTrue();
		}
		for (String line : lines("consistency-proofs.txt")) {
			String[] parts = line.split(" ");
			int first = Integer.parseInt(parts[0]);
			int second = Integer.parseInt(parts[1]);
			List<byte[]> proof = Arrays.stream(parts).skip(2).map(HEX::parseHex).toList();
			assertThat(Merkle.consistencyProof(leaves, first, second)).containsExactlyElementsOf(proof);
			assertThat(Merkle.verifyConsistency(first, second, Merkle.root(leaves.subList(0, first)),
					Merkle.root(leaves.subList(0, second)), proof)).isTrue();
		}
	}

	@Test
	void theSignedCheckpointVerifiesAndSigningIsDeterministic() throws Exception {
		SignedNote.VerifierKey key = SignedNote.VerifierKey.parse(text("verifier-key.txt"));
		String note = text("checkpoint.txt");
		SignedNote.Checkpoint checkpoint = SignedNote.verify(note, key).orElseThrow();
		assertThat(checkpoint.size()).isEqualTo(LedgerVectors.SIZE);
		assertThat(HEX.formatHex(checkpoint.root())).isEqualTo(lines("roots.txt").get(LedgerVectors.SIZE).split(" ")[1]);

		PrivateKey privateKey = KeyFactory.getInstance("Ed25519")
			.generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(text("signing-key.pk8").strip())));
		assertThat(SignedNote.sign(checkpoint, key, privateKey)).isEqualTo(note);
		assertThat(SignedNote.verify(note.replace("\n11\n", "\n10\n"), key)).isEmpty();
	}

	private static List<String> lines(String name) throws IOException {
		return text(name).lines().toList();
	}

	private static String text(String name) throws IOException {
		return new ClassPathResource("ledger-vectors/" + name).getContentAsString(StandardCharsets.UTF_8);
	}
}
