package org.custodia.device;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.custodia.identity.Agencies;
import org.custodia.identity.UserView;
import org.custodia.identity.Users;
import org.custodia.policy.Policies;
import org.custodia.shared.Actor;
import org.custodia.shared.CurrentActor;
import org.custodia.shared.CustodiaException;
import org.springframework.context.MessageSource;
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

/** The custodian's pages: the register, today's board, a device's ledger, a person's devices. */
@Controller
class DevicePageController {

	private final DeviceRegister register;

	private final DeviceCustody custody;

	private final DeviceRecordings recordings;

	private final Users users;

	private final Agencies agencies;

	private final Policies policies;

	private final MessageSource messages;

	private final Clock clock;

	DevicePageController(DeviceRegister register, DeviceCustody custody, DeviceRecordings recordings, Users users,
			Agencies agencies, Policies policies, MessageSource messages, Clock clock) {
		this.register = register;
		this.custody = custody;
		this.recordings = recordings;
		this.users = users;
		this.agencies = agencies;
		this.policies = policies;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/devices")
	String registerPage(@RequestParam(required = false) String agency, @RequestParam(required = false) DeviceStatus status,
			Model model) {
		String code = agencyOf(agency);
		model.addAttribute("agency", code);
		model.addAttribute("agencies", agencies.visibleTo(CurrentActor.get()));
		model.addAttribute("devices", register.list(CurrentActor.get(), code, status));
		model.addAttribute("status", status);
		model.addAttribute("statuses", DeviceStatus.values());
		model.addAttribute("kinds", DeviceKind.values());
		model.addAttribute("rules", policies.of(code).devices());
		model.addAttribute("names", users.displayNames(CurrentActor.get(), code));
		model.addAttribute("officers", users.officersOf(CurrentActor.get(), code));
		return "device/register";
	}

	@PostMapping("/devices")
	String registerDevice(@RequestParam String agency, @RequestParam String number, @RequestParam DeviceKind kind,
			@RequestParam(required = false) String brand, @RequestParam(required = false) String model,
			@RequestParam(required = false) String serialNumber, @RequestParam(required = false) String assetNumber,
			@RequestParam(required = false) LocalDate purchaseDate, @RequestParam(required = false) BigDecimal purchasePrice,
			@RequestParam(required = false) String volumeLabel, @RequestParam(required = false) UUID defaultOfficerId,
			Locale locale, RedirectAttributes redirect) {
		return attempt(redirect, locale, "redirect:/devices?agency=" + agency, () -> {
			Device device = register.register(CurrentActor.get(), new NewDevice(agency, number, kind, brand, model,
					serialNumber, assetNumber, purchaseDate, purchasePrice, CurrentActor.get().userId(), defaultOfficerId,
					volumeLabel, null));
			return "redirect:/devices/" + device.id();
		});
	}

	@PostMapping("/devices/import")
	String importCsv(@RequestParam String agency, @RequestParam String csv, Locale locale, RedirectAttributes redirect) {
		return attempt(redirect, locale, "redirect:/devices?agency=" + agency, () -> {
			DeviceRegister.ImportResult result = register.importCsv(CurrentActor.get(), agency, csv);
			redirect.addFlashAttribute("notice", messages.getMessage("devices.imported",
					new Object[] { result.registered().size(), result.refused().size() }, locale));
			redirect.addFlashAttribute("refusedLines", result.refused());
			return "redirect:/devices?agency=" + agency;
		});
	}

	@GetMapping("/devices/board")
	String board(@RequestParam(required = false) String agency, Model model) {
		String code = agencyOf(agency);
		Actor actor = CurrentActor.get();
		model.addAttribute("agency", code);
		model.addAttribute("outstanding", custody.outstanding(actor, code));
		model.addAttribute("inStore", register.list(actor, code, DeviceStatus.IN_STORE));
		model.addAttribute("officers", users.officersOf(actor, code));
		model.addAttribute("names", users.displayNames(actor, code));
		model.addAttribute("rules", policies.of(code).devices());
		return "device/board";
	}

	/** One scan of a device number: collects it from its holder if it is out, else issues it. */
	@PostMapping("/devices/scan")
	String scan(@RequestParam String agency, @RequestParam String number, @RequestParam(required = false) UUID officerId,
			@RequestParam(defaultValue = "false") boolean batteryOk, @RequestParam(defaultValue = "false") boolean storageOk,
			@RequestParam(defaultValue = "false") boolean clockOk, Locale locale, RedirectAttributes redirect) {
		return attempt(redirect, locale, "redirect:/devices/board?agency=" + agency, () -> {
			Actor actor = CurrentActor.get();
			Device device = register.byNumber(actor, agency, number);
			if (device.status() == DeviceStatus.ISSUED) {
				custody.collect(actor, device.id(), device.holderId(), null);
				redirect.addFlashAttribute("notice", messages.getMessage("devices.collected", new Object[] { device.number() }, locale));
			}
			else {
				UUID officer = officerId != null ? officerId : device.defaultOfficerId();
				if (officer == null) {
					throw CustodiaException.badRequest("error.field-required", messages.getMessage("devices.officer", null, locale));
				}
				custody.issue(actor, device.id(), officer, new DeviceCustody.PreUseCheck(batteryOk, storageOk, clockOk), null);
				redirect.addFlashAttribute("notice", messages.getMessage("devices.issued", new Object[] { device.number() }, locale));
			}
			return "redirect:/devices/board?agency=" + agency;
		});
	}

	@GetMapping("/devices/{id}")
	String device(@PathVariable UUID id, Model model) {
		Actor actor = CurrentActor.get();
		Device device = register.get(actor, id);
		model.addAttribute("device", device);
		model.addAttribute("history", register.history(actor, id));
		model.addAttribute("recordings", recordings.of(actor, id));
		model.addAttribute("names", users.displayNames(actor, device.agency()));
		model.addAttribute("rules", policies.of(device.agency()).devices());
		model.addAttribute("month", YearMonth.now(clock).toString());
		return "device/device";
	}

	@PostMapping("/devices/{id}/{change}")
	String change(@PathVariable UUID id, @PathVariable String change, @RequestParam(required = false) String note,
			@RequestParam(required = false) BigDecimal amount, Locale locale, RedirectAttributes redirect) {
		return attempt(redirect, locale, "redirect:/devices/" + id, () -> {
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
		Actor actor = CurrentActor.get();
		Device device = register.get(actor, id);
		YearMonth period = month == null ? YearMonth.now(clock) : month;
		List<DeviceEvent> events = register.history(actor, id).stream()
			.filter(event -> YearMonth.from(event.occurredAt().atZone(clock.getZone())).equals(period))
			.toList();
		byte[] pdf = DeviceLedgerSheet.render(device, agencies.get(actor, device.agency()).nameZh(), period, events,
				users.displayNames(actor, device.agency()), clock.getZone(), messages);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("device-" + device.number() + "-" + period + ".pdf").build().toString())
			.body(pdf);
	}

	@GetMapping("/devices/person/{userId}")
	String person(@PathVariable UUID userId, Model model) {
		Actor actor = CurrentActor.get();
		UserView person = users.get(actor, userId);
		String agency = person.agency();
		model.addAttribute("person", person);
		model.addAttribute("held", register.list(actor, agency, DeviceStatus.ISSUED).stream()
			.filter(device -> userId.equals(device.holderId())).toList());
		model.addAttribute("handovers", register.handoversOf(actor, agency, userId));
		Map<UUID, String> numbers = new HashMap<>();
		register.list(actor, agency, null).forEach(device -> numbers.put(device.id(), device.number()));
		model.addAttribute("numbers", numbers);
		return "device/person";
	}


	private static String agencyOf(String agency) {
		return agency != null ? agency
				: CurrentActor.get().agency().orElseThrow(() -> CustodiaException.badRequest("error.agency-required"));
	}

	private String attempt(RedirectAttributes redirect, Locale locale, String onError,
			java.util.function.Supplier<String> action) {
		try {
			return action.get();
		}
		catch (CustodiaException e) {
			Object[] arguments = e.arguments();
			for (int i = 0; i < arguments.length; i++) {
				if (arguments[i] instanceof String text && text.startsWith("status.")) {
					arguments[i] = messages.getMessage(text, null, text, locale);
				}
			}
			redirect.addFlashAttribute("error", messages.getMessage(e.messageKey(), arguments, e.messageKey(), locale)
					+ (e.citation() == null ? "" : "（" + e.citation() + "）"));
			return onError;
		}
	}
}
