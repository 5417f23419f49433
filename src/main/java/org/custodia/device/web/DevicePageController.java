package org.custodia.device.web;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.UUID;

import org.custodia.device.DeviceCustody;
import org.custodia.device.DevicePage;
import org.custodia.shared.Actor;
import org.custodia.shared.CurrentActor;
import org.custodia.shared.CustodiaException;
import org.custodia.web.PageFlash;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One device's page: its custody ledger, the changes of its state, and the printable ledger of a month. */
@Controller
class DevicePageController {

	private final DevicePage page;

	private final DeviceCustody custody;

	private final PageFlash flash;

	DevicePageController(DevicePage page, DeviceCustody custody, PageFlash flash) {
		this.page = page;
		this.custody = custody;
		this.flash = flash;
	}

	@GetMapping("/devices/{id}")
	String device(@PathVariable UUID id, Model model) {
		DevicePage.View view = page.view(CurrentActor.get(), id);
		model.addAttribute("device", view.device());
		model.addAttribute("history", view.history());
		model.addAttribute("recordings", view.recordings());
		model.addAttribute("names", view.names());
		model.addAttribute("rules", view.rules());
		model.addAttribute("month", view.month().toString());
		return "device/device";
	}

	@PostMapping("/devices/{id}/{change}")
	String change(@PathVariable UUID id, @PathVariable String change, @RequestParam(required = false) String note,
			@RequestParam(required = false) BigDecimal amount, RedirectAttributes redirect) {
		return flash.attempt(redirect, "redirect:/devices/" + id, () -> {
			Actor actor = CurrentActor.get();
			switch (change) {
				case "fault" -> custody.reportFault(actor, id, note);
				case "repair" -> custody.sendForRepair(actor, id, note);
				case "repaired" -> custody.returnFromRepair(actor, id, note);
				case "loss" -> custody.reportLoss(actor, id, amount, note);
				case "damage" -> custody.reportDamage(actor, id, amount, note);
				case "retire" -> custody.retire(actor, id, note);
				default -> throw CustodiaException.notFound("error.device-action-unknown", change);
			}
			return "redirect:/devices/" + id;
		});
	}

	@GetMapping("/devices/{id}/ledger.pdf")
	ResponseEntity<byte[]> ledgerPdf(@PathVariable UUID id, @RequestParam(required = false) YearMonth month) {
		DevicePage.Sheet sheet = page.ledger(CurrentActor.get(), id, month);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(sheet.filename()).build().toString())
			.body(sheet.pdf());
	}
}
