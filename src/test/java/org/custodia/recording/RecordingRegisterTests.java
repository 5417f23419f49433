package org.custodia.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerCheckpoints;
import org.custodia.media.MediaFacts;
import org.custodia.media.MediaReading;
import org.custodia.policy.Action;
import org.custodia.policy.Decision;
import org.custodia.policy.PolicyDecisions;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.custodia.shared.Role;
import org.custodia.shared.TestActor;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** "May this actor see this recording" is answered here: another agency's recording is not found, a refusal names its rule. */
class RecordingRegisterTests {

	final RecordingRepository recordings = mock(RecordingRepository.class);

	final PolicyDecisions decisions = mock(PolicyDecisions.class);

	final java.util.Set<UUID> secret = new java.util.HashSet<>();

	final org.custodia.shared.SecrecyMarks marks = new org.custodia.shared.SecrecyMarks() {

		@Override
		public java.util.Set<UUID> hiddenFrom(Actor actor, String agency) {
			return secret;
		}

		@Override
		public boolean marked(UUID recordingId, String agency) {
			return secret.contains(recordingId);
		}
	};

	final RecordingRegister register = new RecordingRegister(recordings, mock(TimeClaimRepository.class), mock(RecordingNotes.class),
			mock(MediaReading.class), mock(RecordingLedgerCheck.class), decisions, mock(Ledger.class),
			mock(LedgerCheckpoints.class), mock(org.springframework.context.ApplicationEventPublisher.class),
			new org.springframework.beans.factory.support.StaticListableBeanFactory(java.util.Map.of("marks", marks))
				.getBeanProvider(org.custodia.shared.SecrecyMarks.class));

	@Test
	void aRecordingASecrecyMarkKeepsFromTheActorIsNotFoundAndLeftOutOfThePage() {
		given(recordings.find(recording.id())).willReturn(Optional.of(recording));
		given(recordings.list(any(), any(), org.mockito.ArgumentMatchers.anyInt())).willReturn(List.of(recording));
		TestActor officer = TestActor.of("officer", "neiqiu-health", Role.OFFICER);
		Decision allowed = new Decision(Decision.Outcome.ALLOWED, null, List.of(), "see-recordings", "000 art. 14", false);
		given(decisions.decide(eq(officer), eq(Action.SEE_RECORDINGS), eq("neiqiu-health"), any())).willReturn(allowed);
		given(decisions.decide(eq(officer), eq(Action.SEE_RECORDINGS), eq("neiqiu-health"))).willReturn(allowed);
		assertThat(register.visibleTo(officer, recording.id())).isEqualTo(recording);
		assertThat(register.page(officer, "neiqiu-health", null, null, null, null, null, 1).items()).containsExactly(recording);

		secret.add(recording.id());
		CustodiaException hidden = catchThrowableOfType(CustodiaException.class,
				() -> register.visibleTo(officer, recording.id()));
		assertThat(hidden.status()).isEqualTo(HttpStatus.NOT_FOUND);
		RecordingRegister.Page page = register.page(officer, "neiqiu-health", null, null, null, null, null, 1);
		assertThat(page.items()).isEmpty();
		assertThat(page.next()).as("the page still continues after the row it read").isNotNull();
	}

	final Recording recording = new Recording(UUID.randomUUID(), "neiqiu-health", UUID.randomUUID(), null,
			"neiqiu-health/2026/11/23/" + "a".repeat(64) + ".mp4", "a".repeat(64), null, 10, "VID_0001.MP4", "video/mp4",
			null, null, null, Instant.EPOCH, "custodian", null, null, null, true, null, MediaFacts.unreadable(null),
			NameFacts.NOTHING, null, false, null);

	@Test
	void anotherAgencysRecordingIsNotFoundLikeAMissingOneAndNoRuleIsAsked() {
		given(recordings.find(recording.id())).willReturn(Optional.of(recording));
		TestActor stranger = TestActor.of("stranger", "kaifeng-audit", Role.LEGAL_HEAD);

		CustodiaException hidden = catchThrowableOfType(CustodiaException.class,
				() -> register.visibleTo(stranger, recording.id(), Action.SEE_RECORDINGS));
		CustodiaException missing = catchThrowableOfType(CustodiaException.class,
				() -> register.visibleTo(stranger, UUID.randomUUID()));

		assertThat(hidden.status()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(hidden.messageKey()).isEqualTo(missing.messageKey()).isEqualTo("error.recording-not-found");
		then(decisions).should(never()).decide(any(), any(), any(), any());
	}

	@Test
	void aRecordingOfTheActorsAgencyIsSeenWhereThePolicyAllowsAndForbiddenWithTheRuleWhereNot() {
		given(recordings.find(recording.id())).willReturn(Optional.of(recording));
		TestActor officer = TestActor.of("officer", "neiqiu-health", Role.OFFICER);
		Decision refused = new Decision(Decision.Outcome.REFUSED, null, List.of(), "playback-by-access-request", "001-access art. 4", false);
		given(decisions.decide(eq(officer), eq(Action.PLAY_BACK), eq("neiqiu-health"), any())).willReturn(refused);
		Decision allowed = new Decision(Decision.Outcome.ALLOWED, null, List.of(), "see-recordings", "001 art. 4", false);
		given(decisions.decide(eq(officer), eq(Action.SEE_RECORDINGS), eq("neiqiu-health"), any())).willReturn(allowed);

		assertThat(register.visibleTo(officer, recording.id(), Action.SEE_RECORDINGS)).isEqualTo(recording);
		CustodiaException forbidden = catchThrowableOfType(CustodiaException.class,
				() -> register.visibleTo(officer, recording.id(), Action.PLAY_BACK));
		assertThat(forbidden.status()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(forbidden.messageKey()).isEqualTo("rule.playback-by-access-request");
	}

	@Test
	void aRecordingOfAnotherAgencyCannotBeKeptForThisAgencysRecord() {
		given(recordings.find(recording.id())).willReturn(Optional.of(recording));

		assertThat(register.keptBy("neiqiu-health", recording.id())).isEqualTo(recording);
		assertThat(catchThrowableOfType(CustodiaException.class, () -> register.keptBy("kaifeng-audit", recording.id()))
			.status()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(catchThrowableOfType(CustodiaException.class, () -> register.keptBy("neiqiu-health", UUID.randomUUID()))
			.status()).isEqualTo(HttpStatus.NOT_FOUND);
	}
}
