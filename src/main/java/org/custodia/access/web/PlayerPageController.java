package org.custodia.access.web;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.custodia.access.AccessBasis;
import org.custodia.access.AccessRegister;
import org.custodia.access.Playback;
import org.custodia.device.DeviceRegister;
import org.custodia.media.DerivedCopy;
import org.custodia.media.StripFrames;
import org.custodia.policy.AccessMatrix;
import org.custodia.recording.Recording;
import org.custodia.retention.Retention;
import org.custodia.shared.Actor;
import org.custodia.shared.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A recording's page. To whom may watch it: the player (the original or its proxy, with his name, the time and
 * the request's number over the picture), what the file says of itself, the copies derived from it, who has
 * watched it and its ledger history. To anyone else of the agency: what he may know of it, and "申请调阅".
 */
@Controller
class PlayerPageController {

	private final Playback playback;

	private final DeviceRegister devices;

	private final AccessRegister accessRegister;

	private final Clock clock;

	private final Retention retention;

	PlayerPageController(Playback playback, DeviceRegister devices, AccessRegister accessRegister, Clock clock,
			Retention retention) {
		this.retention = retention;
		this.playback = playback;
		this.devices = devices;
		this.accessRegister = accessRegister;
		this.clock = clock;
	}

	@GetMapping("/recordings/{id}")
	String player(@PathVariable UUID id, Model model) {
		Actor actor = CurrentActor.get();
		Recording recording = playback.seen(actor, id);
		// Times as the agency reads them, whatever zone the server runs in.
		model.addAttribute("zone", clock.getZone());
		model.addAttribute("recording", recording);
		model.addAttribute("device", devices.get(actor, recording.deviceId()));
		model.addAttribute("officer", playback.nameOf(recording.officerId()).orElse(null));
		model.addAttribute("times", playback.times(recording));
		model.addAttribute("registerLines", accessRegister.ofRecording(actor, recording.agency(), recording.id()));
		model.addAttribute("keeping", retention.of(recording));
		model.addAttribute("mayHold", retention.mayHold(actor, recording.agency()));
		Optional<AccessBasis> basis = playback.basis(actor, recording, AccessMatrix.Use.WATCH);
		Optional<AccessBasis> copy = playback.basis(actor, recording, AccessMatrix.Use.COPY);
		Optional<AccessBasis> print = playback.basis(actor, recording, AccessMatrix.Use.PRINT);
		if (basis.isEmpty() || recording.disposed()) {
			// a disposed recording's row is its tombstone: what it was is shown, nothing of it plays or is copied
			model.addAttribute("copyBasis", recording.disposed() ? null : copy.orElse(null));
			model.addAttribute("printBasis", recording.disposed() ? null : print.orElse(null));
			return "access/restricted";
		}
		List<DerivedCopy> derived = playback.derivedOf(actor, id);
		boolean moving = recording.contentType() != null && recording.contentType().startsWith("video/")
				&& recording.media() != null && recording.media().durationMillis() != null;
		model.addAttribute("basis", basis.get());
		model.addAttribute("copyBasis", copy.orElse(null));
		model.addAttribute("printBasis", print.orElse(null));
		Set<String> handedOver = Stream.of(copy, print).flatMap(Optional::stream).map(AccessBasis::requestNumber)
			.collect(Collectors.toSet());
		model.addAttribute("handedOver", handedOver);
		model.addAttribute("viewerName", playback.displayName(actor));
		model.addAttribute("now", clock.instant());
		model.addAttribute("zoneOffsetSeconds", clock.getZone().getRules().getOffset(clock.instant()).getTotalSeconds());
		model.addAttribute("source", PlaybackApiController.source(recording, derived));
		model.addAttribute("derived", derived);
		model.addAttribute("history", playback.history(recording, derived));
		model.addAttribute("strip", moving ? StripFrames.COUNT : 0);
		model.addAttribute("stripSeconds", moving ? recording.media().durationMillis() / 1000.0 / StripFrames.COUNT : 0);
		model.addAttribute("audio", recording.contentType() != null && recording.contentType().startsWith("audio/"));
		return "access/player";
	}
}
