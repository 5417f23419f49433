package org.custodia.device.web;

import java.util.UUID;

import org.custodia.device.PersonDevicesPage;
import org.custodia.shared.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A person's devices: what he holds now and what he was handed and gave back. */
@Controller
class PersonDevicesPageController {

	private final PersonDevicesPage page;

	PersonDevicesPageController(PersonDevicesPage page) {
		this.page = page;
	}

	@GetMapping("/devices/person/{userId}")
	String person(@PathVariable UUID userId, Model model) {
		PersonDevicesPage.View view = page.view(CurrentActor.get(), userId);
		model.addAttribute("person", view.person());
		model.addAttribute("held", view.held());
		model.addAttribute("handovers", view.handovers());
		model.addAttribute("numbers", view.numbers());
		return "device/person";
	}
}
