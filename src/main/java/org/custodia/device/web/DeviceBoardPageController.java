package org.custodia.device.web;

import java.util.UUID;

import org.custodia.device.DeviceBoard;
import org.custodia.device.DeviceCustody;
import org.custodia.device.DeviceEventKind;
import org.custodia.shared.Actor;
import org.custodia.shared.CurrentActor;
import org.custodia.web.PageFlash;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Today's devices (今日设备): what is still out, and one scan of a device number to issue or collect it. */
@Controller
class DeviceBoardPageController {

	private final DeviceBoard board;

	private final PageFlash flash;

	DeviceBoardPageController(DeviceBoard board, PageFlash flash) {
		this.board = board;
		this.flash = flash;
	}

	/** The scan form as the custodian filled it. */
	record Typed(String number, UUID officerId, boolean batteryOk, boolean storageOk, boolean clockOk) {
	}

	@GetMapping("/devices/board")
	String board(@RequestParam(required = false) String agency, Model model) {
		Actor actor = CurrentActor.get();
		DeviceBoard.View view = board.view(actor, actor.agencyOf(agency));
		model.addAttribute("agency", view.agency());
		model.addAttribute("outstanding", view.outstanding());
		model.addAttribute("inStore", view.inStore());
		model.addAttribute("officers", view.officers());
		model.addAttribute("names", view.names());
		model.addAttribute("rules", view.rules());
		return "device/board";
	}

	@PostMapping("/devices/scan")
	String scan(@RequestParam String agency, @RequestParam String number, @RequestParam(required = false) UUID officerId,
			@RequestParam(defaultValue = "false") boolean batteryOk, @RequestParam(defaultValue = "false") boolean storageOk,
			@RequestParam(defaultValue = "false") boolean clockOk, RedirectAttributes redirect) {
		String back = "redirect:/devices/board?agency=" + agency;
		// what was typed stays in the form when the scan is refused, to correct rather than type again
		redirect.addFlashAttribute("typed", new Typed(number, officerId, batteryOk, storageOk, clockOk));
		return flash.attempt(redirect, back, () -> {
			DeviceBoard.Scan scan = board.scan(CurrentActor.get(), agency, number, officerId,
					new DeviceCustody.PreUseCheck(batteryOk, storageOk, clockOk), null);
			redirect.getFlashAttributes().remove("typed");
			flash.notice(redirect, scan.handover() == DeviceEventKind.COLLECTED ? "devices.collected" : "devices.issued",
					scan.device().number());
			return back;
		});
	}
}
