package org.custodia.access.web;

import java.util.List;
import java.util.UUID;

import org.custodia.access.Playback;
import org.custodia.device.DeviceRegister;
import org.custodia.identity.UserView;
import org.custodia.identity.Users;
import org.custodia.recording.Recording;
import org.custodia.media.DerivedCopy;
import org.custodia.media.StripFrames;
import org.custodia.shared.Actor;
import org.custodia.shared.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The player page: the video (or its proxy) with a strip of frames to seek by, what the file says of
 * itself, its device and officer, its import and lateness, the copies derived from it and its ledger history.
 */
@Controller
class PlayerPageController {

	private final Playback playback;

	private final DeviceRegister devices;

	private final Users users;

	private final java.time.Clock clock;

	PlayerPageController(Playback playback, DeviceRegister devices, Users users, java.time.Clock clock) {
		this.clock = clock;
		this.playback = playback;
		this.devices = devices;
		this.users = users;
	}

	@GetMapping("/recordings/{id}")
	String player(@PathVariable UUID id, Model model) {
		Actor actor = CurrentActor.get();
		Recording recording = playback.viewable(actor, id);
		List<DerivedCopy> derived = playback.derivedOf(actor, id);
		boolean moving = recording.contentType() != null && recording.contentType().startsWith("video/")
				&& recording.media() != null && recording.media().durationMillis() != null;
		model.addAttribute("recording", recording);
		model.addAttribute("source", PlaybackApiController.source(recording, derived));
		model.addAttribute("derived", derived);
		model.addAttribute("history", playback.history(recording, derived));
		model.addAttribute("device", devices.get(actor, recording.deviceId()));
		model.addAttribute("officer", users.findByIdForSystem(recording.officerId()).map(UserView::displayName).orElse(null));
		model.addAttribute("strip", moving ? StripFrames.COUNT : 0);
		model.addAttribute("stripSeconds", moving ? recording.media().durationMillis() / 1000.0 / StripFrames.COUNT : 0);
		model.addAttribute("audio", recording.contentType() != null && recording.contentType().startsWith("audio/"));
		model.addAttribute("mayWatermark", playback.watermarking(actor, recording).isAllowed());
		// Times as the agency reads them, whatever zone the server runs in.
		model.addAttribute("zone", clock.getZone());
		return "access/player";
	}
}
