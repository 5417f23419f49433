package org.custodia.activity.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.custodia.activity.Activities;
import org.custodia.activity.ActivitiesPage;
import org.custodia.activity.ActivityView;
import org.custodia.activity.Compliance;
import org.custodia.activity.EnforcementCase;
import org.custodia.activity.InspectionPlans;
import org.custodia.shared.Actor;
import org.custodia.shared.CurrentActor;
import org.custodia.web.PageFlash;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The activity register page: the activities of a period, one entered by hand, a plan imported, a case opened. */
@Controller
class ActivitiesPageController {

	private final ActivitiesPage page;

	private final Activities activities;

	private final InspectionPlans plans;

	private final PageFlash flash;

	ActivitiesPageController(ActivitiesPage page, Activities activities, InspectionPlans plans, PageFlash flash) {
		this.page = page;
		this.activities = activities;
		this.plans = plans;
		this.flash = flash;
	}

	@GetMapping("/activities")
	String list(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			@RequestParam(required = false) Compliance.State state, Model model) {
		ActivitiesPage.View view = page.view(CurrentActor.get(), from, to, state);
		model.addAttribute("views", view.views());
		model.addAttribute("from", view.from());
		model.addAttribute("to", view.to());
		model.addAttribute("state", view.state());
		model.addAttribute("states", view.states());
		model.addAttribute("typeList", view.typeList());
		model.addAttribute("types", view.types());
		model.addAttribute("cases", view.cases());
		model.addAttribute("officers", view.officers());
		model.addAttribute("names", view.names());
		model.addAttribute("zone", view.zone());
		return "activity/activities";
	}

	@PostMapping("/activities")
	String create(@RequestParam String type, @RequestParam String place,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime start,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime end,
			@RequestParam(required = false) List<UUID> officers, @RequestParam(required = false) String parties,
			@RequestParam(required = false) UUID caseId, RedirectAttributes redirect) {
		return flash.attempt(redirect, "redirect:/activities", () -> {
			ActivityView created = page.create(CurrentActor.get(), type, place, start, end, officers, parties, caseId);
			return "redirect:/activities/" + created.activity().id();
		});
	}

	@PostMapping("/activities/plan")
	String importPlan(@RequestParam String csv, RedirectAttributes redirect) {
		return flash.attempt(redirect, "redirect:/activities", () -> {
			Actor actor = CurrentActor.get();
			InspectionPlans.ImportResult result = plans.importCsv(actor, actor.agencyOf(null), csv);
			flash.notice(redirect, "activities.imported", result.created().size(), result.refused().size());
			redirect.addFlashAttribute("refusedLines", result.refused());
			return "redirect:/activities";
		});
	}

	@PostMapping("/cases")
	String openCase(@RequestParam String number, @RequestParam String name, RedirectAttributes redirect) {
		return flash.attempt(redirect, "redirect:/activities", () -> {
			Actor actor = CurrentActor.get();
			EnforcementCase opened = activities.openCase(actor, actor.agencyOf(null), number, name);
			flash.notice(redirect, "activities.case-opened", opened.number());
			return "redirect:/activities";
		});
	}
}
