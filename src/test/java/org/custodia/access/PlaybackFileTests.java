package org.custodia.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.custodia.identity.Users;
import org.custodia.ledger.Ledger;
import org.custodia.media.DerivedCopies;
import org.custodia.media.MediaFacts;
import org.custodia.recording.NameFacts;
import org.custodia.recording.Recording;
import org.custodia.recording.RecordingRegister;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.custodia.storage.BlobStore;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** An original without a local file is missing only when the store says it is gone: an object store has none. */
class PlaybackFileTests {

	static final String KEY = "neiqiu-health/2026/11/23/" + "a".repeat(64) + ".mp4";

	final BlobStore store = mock(BlobStore.class);

	final MissingOriginals missing = mock(MissingOriginals.class);

	final Playback playback = new Playback(mock(RecordingRegister.class), mock(Users.class), store, missing,
			mock(DerivedCopies.class), mock(Ledger.class), mock(RecentPlayables.class), mock(AccessGrants.class),
			mock(AccessRegister.class));

	final Actor actor = mock(Actor.class);

	final Recording recording = new Recording(UUID.randomUUID(), "neiqiu-health", UUID.randomUUID(), null, KEY,
			"a".repeat(64), null, 10, "VID_0001.MP4", "video/mp4", null, null, null, Instant.EPOCH, "custodian", null,
			null, null, true, null, MediaFacts.unreadable(null), NameFacts.NOTHING, null, false, null);

	@Test
	void servesTheLocalFileOfAFileSystemStore() {
		given(store.localFile(KEY)).willReturn(Optional.of(Path.of("/data/store", KEY)));

		assertThat(playback.file(actor, recording, KEY, "original")).isEqualTo(Path.of("/data/store", KEY));
		then(missing).should(never()).report(any(), any(), anyString());
	}

	@Test
	void anObjectTheStoreHoldsWithoutALocalFileRaisesNoAlarm() {
		given(store.localFile(KEY)).willReturn(Optional.empty());
		given(store.exists(KEY)).willReturn(true);

		CustodiaException refused = catchThrowableOfType(CustodiaException.class,
				() -> playback.file(actor, recording, KEY, "original"));

		assertThat(refused.status()).isEqualTo(HttpStatus.NOT_IMPLEMENTED);
		assertThat(refused.messageKey()).isEqualTo("error.file-not-local");
		then(missing).should(never()).report(any(), any(), anyString());
	}

	@Test
	void anObjectTheStoreSaysIsGoneRaisesTheAlarm() {
		given(store.localFile(KEY)).willReturn(Optional.empty());
		given(store.exists(KEY)).willReturn(false);

		CustodiaException refused = catchThrowableOfType(CustodiaException.class,
				() -> playback.file(actor, recording, KEY, "original"));

		assertThat(refused.status()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(refused.messageKey()).isEqualTo("error.file-missing");
		then(missing).should().report(actor, recording, "original");
	}
}
