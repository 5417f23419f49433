package org.custodia.activity.web;

import java.util.Map;
import java.util.UUID;

import org.custodia.activity.ActivityPage;
import org.custodia.activity.WorkRecords;
import org.custodia.shared.Actor;
import org.custodia.shared.CurrentActor;
import org.custodia.shared.CustodiaException;
import org.custodia.web.PageFlash;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One activity's page: recordings, gaps, work records, statements, long-term marks, and the forms for each. */
@Controller
class ActivityPageController {

	private final ActivityPage page;

	private final PageFlash flash;

	ActivityPageController(ActivityPage page, PageFlash flash) {
		this.page = page;
		this.flash = flash;
	}

	@GetMapping("/activities/{id}")
	String activity(@PathVariable UUID id, Model model) {
		ActivityPage.View view = page.view(CurrentActor.get(), id);
		model.addAttribute("view", view.view());
		model.addAttribute("types", view.types());
		model.addAttribute("links", view.links());
		model.addAttribute("suggestions", view.suggestions());
		model.addAttribute("gaps", view.gaps());
		model.addAttribute("gapReasons", view.gapReasons());
		model.addAttribute("workRecords", view.workRecords());
		model.addAttribute("stop", view.stop());
		model.addAttribute("reviewers", view.reviewers());
		model.addAttribute("staff", view.staff());
		model.addAttribute("sheet", view.sheet());
		model.addAttribute("marks", view.marks());
		model.addAttribute("triggers", view.triggers());
		model.addAttribute("enforcementCase", view.enforcementCase());
		model.addAttribute("names", view.names());
		model.addAttribute("zone", view.zone());
		model.addAttribute("problemReports", view.problemReports());
		model.addAttribute("reportTo", view.reportTo());
		model.addAttribute("heads", view.heads());
		model.addAttribute("watchable", view.watchable());
		return "activity/activity";
	}

	@PostMapping("/activities/{id}/{step}")
	String step(@PathVariable UUID id, @PathVariable String step, @RequestParam Map<String, String> form,
			RedirectAttributes redirect) {
		String back = "redirect:/activities/" + id;
		return flash.attempt(redirect, back, () -> {
			Actor actor = CurrentActor.get();
			switch (step) {
				case "recordings" -> page.confirmRecording(actor, id, uuid(form.get("recordingId")));
				case "interruptions" -> page.explainGap(actor, id, uuid(form.get("afterRecordingId")), form.get("reason"),
						form.get("note"));
				case "work-records" -> page.writeWorkRecord(actor, id, new WorkRecords.Draft(form.get("reasonCode"),
						form.get("reason"), form.get("basis"), uuid(form.get("leaderId")), uuid(form.get("reviewerId")),
						form.get("consentBy")));
				case "statements" -> page.reviewStatements(actor, id, uuid(form.get("recordingId")),
						yesNo(form.get("startStatement")), yesNo(form.get("notification")), form.get("note"));
				case "long-term" -> page.markLongTerm(actor, id, form.get("trigger"), form.get("note"));
				case "problem-reports" -> page.reportProblem(actor, id, uuid(form.get("reportedToId")), form.get("note"));
				default -> throw CustodiaException.notFound("error.activity-not-found", step);
			}
			flash.notice(redirect, "activities.saved");
			return back;
		});
	}

	@PostMapping("/activities/{id}/work-records/{recordId}/{step}")
	String workRecordStep(@PathVariable UUID id, @PathVariable UUID recordId, @PathVariable String step,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		String back = "redirect:/activities/" + id;
		return flash.attempt(redirect, back, () -> {
			Actor actor = CurrentActor.get();
			switch (step) {
				case "approve" -> page.reviewWorkRecord(actor, id, recordId, true, note);
				case "return" -> page.reviewWorkRecord(actor, id, recordId, false, note);
				case "file" -> page.fileWorkRecord(actor, id, recordId);
				default -> throw CustodiaException.notFound("error.work-record-not-found", step);
			}
			flash.notice(redirect, "activities.saved");
			return back;
		});
	}

	private static UUID uuid(String text) {
		try {
			return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException e) {
			throw CustodiaException.badRequest("error.field-required", text);
		}
	}

	private static Boolean yesNo(String text) {
		return text == null || text.isBlank() ? null : Boolean.valueOf(text);
	}
}
