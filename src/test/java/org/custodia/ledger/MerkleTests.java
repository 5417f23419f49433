package org.custodia.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The tree against the Certificate Transparency reference vectors, and every proof for trees up to 40 leaves. */
class MerkleTests {

	static final HexFormat HEX = HexFormat.of();

	static final List<byte[]> CT_LEAVES = List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
			"606162636465666768696a6b6c6d6e6f").stream().map(HEX::parseHex).map(Merkle::leafHash).toList();

	static final List<String> CT_ROOTS = List.of(
			"6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
			"fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
			"aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
			"d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
			"4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
			"76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
			"ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
			"5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

	@Test
	void rootsMatchTheReferenceTreeHeads() {
		assertThat(HEX.formatHex(Merkle.root(List.of())))
			.isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
		Frontier frontier = Frontier.empty();
		for (int n = 1; n <= 8; n++) {
			assertThat(HEX.formatHex(Merkle.root(CT_LEAVES.subList(0, n)))).isEqualTo(CT_ROOTS.get(n - 1));
			frontier = frontier.append(CT_LEAVES.get(n - 1));
			assertThat(HEX.formatHex(frontier.root())).isEqualTo(CT_ROOTS.get(n - 1));
			assertThat(Frontier.decode(frontier.size(), frontier.encode()).root()).isEqualTo(frontier.root());
		}
	}

	@Test
	void proofsMatchTheReferenceVectors() {
		assertThat(hex(Merkle.inclusionProof(CT_LEAVES, 0, 8))).containsExactly(
				"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
				"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
				"6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
		assertThat(hex(Merkle.inclusionProof(CT_LEAVES, 5, 8))).containsExactly(
				"bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
				"ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
				"d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
		assertThat(hex(Merkle.consistencyProof(CT_LEAVES, 2, 8))).containsExactly(
				"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
				"6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
		assertThat(hex(Merkle.consistencyProof(CT_LEAVES, 6, 8))).containsExactly(
				"0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
				"ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
				"d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
	}

	@Test
	void everyProofVerifiesAndEveryAlteredProofFails() {
		List<byte[]> leaves = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			leaves.add(Merkle.leafHash(("entry " + i).getBytes()));
		}
		for (int size = 1; size <= leaves.size(); size++) {
			byte[] root = Merkle.root(leaves.subList(0, size));
			for (int index = 0; index < size; index++) {
				List<byte[]> proof = Merkle.inclusionProof(leaves, index, size);
				assertThat(Merkle.verifyInclusion(leaves.get(index), index, size, proof, root)).isTrue();
				assertThat(Merkle.verifyInclusion(leaves.get((index + 1) % size), index, size, proof, root))
					.isEqualTo(size == 1);
				if (!proof.isEmpty()) {
					List<byte[]> altered = new ArrayList<>(proof);
					byte[] flipped = altered.get(0).clone();
					flipped[0] ^= 1;
					altered.set(0, flipped);
					assertThat(Merkle.verifyInclusion(leaves.get(index), index, size, altered, root)).isFalse();
				}
			}
			for (int first = 0; first <= size; first++) {
				byte[] firstRoot = Merkle.root(leaves.subList(0, first));
				List<byte[]> proof = Merkle.consistencyProof(leaves, first, size);
				assertThat(Merkle.verifyConsistency(first, size, firstRoot, root, proof)).as(first + "→" + size).isTrue();
				if (first > 0 && first < size) {
					byte[] wrong = Merkle.root(leaves.subList(1, first + 1));
					assertThat(Merkle.verifyConsistency(first, size, wrong, root, proof)).isFalse();
				}
			}
		}
	}

	private static List<String> hex(List<byte[]> hashes) {
		return hashes.stream().map(HEX::formatHex).toList();
	}
}
