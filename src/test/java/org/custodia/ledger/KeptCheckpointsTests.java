package org.custodia.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.custodia.shared.CustodiaProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The newest checkpoint kept in the data directory and on the second root. */
class KeptCheckpointsTests {

	@TempDir
	Path dataDir;

	@TempDir
	Path secondRoot;

	@Test
	void keepsTheNewestInBothPlacesAndNeverASmallerTreeOverALargerOne() throws Exception {
		LedgerKeys keys = new LedgerKeys(new CustodiaProperties(dataDir, false));
		KeptCheckpoints kept = new KeptCheckpoints(new CustodiaProperties(dataDir, false), secondRoot.toString());
		kept.keep(7, note(keys, 7), keys.verifierKey());
		kept.keep(5, note(keys, 5), keys.verifierKey());

		List<KeptCheckpoints.Kept> found = kept.found();
		assertThat(found).extracting(KeptCheckpoints.Kept::source).containsExactly(
				dataDir.resolve("ledger/checkpoint.txt").toString(), secondRoot.resolve("ledger/checkpoint.txt").toString());
		assertThat(found).allSatisfy(checkpoint -> {
			assertThat(SignedNote.verify(checkpoint.text(), keys.verifierKey()).orElseThrow().size()).isEqualTo(7);
			assertThat(checkpoint.text()).endsWith("\n" + keys.verifierKey().text() + "\n");
		});
		assertThat(Files.list(secondRoot.resolve("ledger")).toList()).containsExactly(secondRoot.resolve("ledger/checkpoint.txt"));
	}

	@Test
	void aSecondRootThatIsNotThereIsNotMadeOnTheFirstDisk() {
		LedgerKeys keys = new LedgerKeys(new CustodiaProperties(dataDir, false));
		Path unmounted = secondRoot.resolve("nas");
		KeptCheckpoints kept = new KeptCheckpoints(new CustodiaProperties(dataDir, false), unmounted.toString());
		kept.keep(3, note(keys, 3), keys.verifierKey());
		assertThat(unmounted).doesNotExist();
		assertThat(kept.found()).extracting(KeptCheckpoints.Kept::source)
			.containsExactly(dataDir.resolve("ledger/checkpoint.txt").toString());
	}

	private static String note(LedgerKeys keys, long size) {
		return SignedNote.sign(new SignedNote.Checkpoint(keys.origin(), size, new byte[32]), keys.verifierKey(),
				keys.privateKey());
	}
}
