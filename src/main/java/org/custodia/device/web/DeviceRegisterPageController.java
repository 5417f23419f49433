package org.custodia.device.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.custodia.device.Device;
import org.custodia.device.DeviceKind;
import org.custodia.device.DeviceRegister;
import org.custodia.device.DeviceRegisterPage;
import org.custodia.device.DeviceStatus;
import org.custodia.device.NewDevice;
import org.custodia.shared.Actor;
import org.custodia.shared.CurrentActor;
import org.custodia.web.PageFlash;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The custodian's register page (设备登记): the agency's devices, one registered by form, a list by CSV. */
@Controller
class DeviceRegisterPageController {

	private final DeviceRegisterPage page;

	private final DeviceRegister register;

	private final PageFlash flash;

	DeviceRegisterPageController(DeviceRegisterPage page, DeviceRegister register, PageFlash flash) {
		this.page = page;
		this.register = register;
		this.flash = flash;
	}

	@GetMapping("/devices")
	String registerPage(@RequestParam(required = false) String agency, @RequestParam(required = false) DeviceStatus status,
			Model model) {
		Actor actor = CurrentActor.get();
		DeviceRegisterPage.View view = page.view(actor, actor.agencyOf(agency), status);
		model.addAttribute("agency", view.agency());
		model.addAttribute("agencies", view.agencies());
		model.addAttribute("devices", view.devices());
		model.addAttribute("status", view.status());
		model.addAttribute("statuses", view.statuses());
		model.addAttribute("kinds", view.kinds());
		model.addAttribute("rules", view.rules());
		model.addAttribute("names", view.names());
		model.addAttribute("officers", view.officers());
		return "device/register";
	}

	@PostMapping("/devices")
	String registerDevice(@RequestParam String agency, @RequestParam String number, @RequestParam DeviceKind kind,
			@RequestParam(required = false) String brand, @RequestParam(required = false) String model,
			@RequestParam(required = false) String serialNumber, @RequestParam(required = false) String assetNumber,
			@RequestParam(required = false) LocalDate purchaseDate, @RequestParam(required = false) BigDecimal purchasePrice,
			@RequestParam(required = false) String volumeLabel, @RequestParam(required = false) UUID defaultOfficerId,
			RedirectAttributes redirect) {
		return flash.attempt(redirect, "redirect:/devices?agency=" + agency, () -> {
			Actor actor = CurrentActor.get();
			Device device = register.register(actor, new NewDevice(agency, number, kind, brand, model, serialNumber,
					assetNumber, purchaseDate, purchasePrice, actor.userId(), defaultOfficerId, volumeLabel, null));
			return "redirect:/devices/" + device.id();
		});
	}

	@PostMapping("/devices/import")
	String importCsv(@RequestParam String agency, @RequestParam String csv, RedirectAttributes redirect) {
		return flash.attempt(redirect, "redirect:/devices?agency=" + agency, () -> {
			DeviceRegister.ImportResult result = register.importCsv(CurrentActor.get(), agency, csv);
			flash.notice(redirect, "devices.imported", result.registered().size(), result.refused().size());
			redirect.addFlashAttribute("refusedLines", result.refused());
			return "redirect:/devices?agency=" + agency;
		});
	}
}
