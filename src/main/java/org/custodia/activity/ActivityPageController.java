package org.custodia.activity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.custodia.identity.UserView;
import org.custodia.identity.Users;
import org.custodia.policy.AgencyPolicy;
import org.custodia.policy.Policies;
import org.custodia.policy.Text;
import org.custodia.shared.Actor;
import org.custodia.shared.CurrentActor;
import org.custodia.shared.CustodiaException;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The activity register page and one activity's page: recordings, gaps, work records, statements, long-term marks. */
@Controller
class ActivityPageController {

	private final Activities activities;

	private final InspectionPlans plans;

	private final ActivityRecordings recordings;

	private final WorkRecords workRecords;

	private final Interruptions interruptions;

	private final StatementReviews statements;

	private final LongTermMarks longTerm;

	private final ComplianceFacts facts;

	private final Users users;

	private final Policies policies;

	private final MessageSource messages;

	private final Clock clock;

	ActivityPageController(Activities activities, InspectionPlans plans, ActivityRecordings recordings,
			WorkRecords workRecords, Interruptions interruptions, StatementReviews statements, LongTermMarks longTerm,
			ComplianceFacts facts, Users users, Policies policies, MessageSource messages, Clock clock) {
		this.activities = activities;
		this.plans = plans;
		this.recordings = recordings;
		this.workRecords = workRecords;
		this.interruptions = interruptions;
		this.statements = statements;
		this.longTerm = longTerm;
		this.facts = facts;
		this.users = users;
		this.policies = policies;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/activities")
	String list(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			@RequestParam(required = false) Compliance.State state, Model model) {
		Actor actor = CurrentActor.get();
		String agency = ActivityApiController.agencyOf(null);
		LocalDate last = to != null ? to : LocalDate.now(clock).plusDays(7);
		LocalDate first = from != null ? from : LocalDate.now(clock).withDayOfMonth(1);
		List<ActivityView> views = facts.of(activities.list(actor, agency, first.atStartOfDay(clock.getZone()).toInstant(),
				last.plusDays(1).atStartOfDay(clock.getZone()).toInstant()));
		model.addAttribute("views", views.stream().filter(view -> state == null || view.compliance().state() == state).toList());
		model.addAttribute("from", first);
		model.addAttribute("to", last);
		model.addAttribute("state", state);
		model.addAttribute("states", Compliance.State.values());
		List<ActivityTypes.ActivityType> types = activities.types(actor, agency);
		model.addAttribute("typeList", types);
		model.addAttribute("types", typeLabels(types));
		model.addAttribute("cases", activities.cases(actor, agency));
		model.addAttribute("officers", users.officersOf(actor, agency));
		model.addAttribute("names", users.displayNames(actor, agency));
		model.addAttribute("zone", clock.getZone());
		return "activity/activities";
	}

	@PostMapping("/activities")
	String create(@RequestParam String type, @RequestParam String place,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime start,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime end,
			@RequestParam(required = false) List<UUID> officers, @RequestParam(required = false) String parties,
			@RequestParam(required = false) UUID caseId, Locale locale, RedirectAttributes redirect) {
		return attempt(redirect, locale, "redirect:/activities", () -> {
			Activity activity = activities.create(CurrentActor.get(), new NewActivity(ActivityApiController.agencyOf(null), type,
					null, caseId, place, local(start), local(end), officers, parties));
			return "redirect:/activities/" + activity.id();
		});
	}

	@PostMapping("/activities/plan")
	String importPlan(@RequestParam String csv, Locale locale, RedirectAttributes redirect) {
		return attempt(redirect, locale, "redirect:/activities", () -> {
			InspectionPlans.ImportResult result = plans.importCsv(CurrentActor.get(), ActivityApiController.agencyOf(null), csv);
			redirect.addFlashAttribute("notice", messages.getMessage("activities.imported",
					new Object[] { result.created().size(), result.refused().size() }, locale));
			redirect.addFlashAttribute("refusedLines", result.refused());
			return "redirect:/activities";
		});
	}

	@PostMapping("/cases")
	String openCase(@RequestParam String number, @RequestParam String name, Locale locale, RedirectAttributes redirect) {
		return attempt(redirect, locale, "redirect:/activities", () -> {
			EnforcementCase opened = activities.openCase(CurrentActor.get(), ActivityApiController.agencyOf(null), number, name);
			redirect.addFlashAttribute("notice", messages.getMessage("activities.case-opened", new Object[] { opened.number() }, locale));
			return "redirect:/activities";
		});
	}

	@GetMapping("/activities/{id}")
	String activity(@PathVariable UUID id, Model model) {
		Actor actor = CurrentActor.get();
		Activity activity = activities.get(actor, id);
		AgencyPolicy policy = policies.of(activity.agency());
		List<UserView> staff = users.list(actor, activity.agency());
		model.addAttribute("view", facts.of(activity));
		model.addAttribute("types", typeLabels(activities.types(actor, activity.agency())));
		model.addAttribute("links", recordings.of(actor, id));
		model.addAttribute("suggestions", recordings.suggest(actor, id));
		model.addAttribute("gaps", interruptions.of(actor, id));
		model.addAttribute("gapReasons", Interruptions.reasons(policy.recording().interruption()));
		model.addAttribute("workRecords", workRecords.of(actor, id));
		model.addAttribute("stop", policy.recording().mayStop());
		model.addAttribute("reviewers", staff.stream()
			.filter(user -> user.has(policy.recording().mayStop().workRecord().reviewerRole())).toList());
		model.addAttribute("staff", staff.stream().filter(user -> !user.has(org.custodia.shared.Role.ADMINISTRATOR)).toList());
		model.addAttribute("sheet", statements.sheet(actor, id));
		model.addAttribute("marks", longTerm.forActivity(actor, id));
		model.addAttribute("triggers", policy.retention().longTermTriggers());
		model.addAttribute("enforcementCase", activity.caseId() == null ? null : activities.getCase(actor, activity.caseId()));
		model.addAttribute("names", users.displayNames(actor, activity.agency()));
		model.addAttribute("zone", clock.getZone());
		return "activity/activity";
	}

	@PostMapping("/activities/{id}/{step}")
	String step(@PathVariable UUID id, @PathVariable String step, @RequestParam Map<String, String> form, Locale locale,
			RedirectAttributes redirect) {
		String back = "redirect:/activities/" + id;
		return attempt(redirect, locale, back, () -> {
			Actor actor = CurrentActor.get();
			switch (step) {
				case "recordings" -> recordings.confirm(actor, id, uuid(form.get("recordingId")));
				case "interruptions" -> interruptions.explain(actor, id, uuid(form.get("afterRecordingId")), form.get("reason"),
						form.get("note"));
				case "work-records" -> workRecords.write(actor, id, new WorkRecords.Draft(form.get("reasonCode"),
						form.get("reason"), form.get("basis"), uuid(form.get("leaderId")), uuid(form.get("reviewerId"))));
				case "statements" -> statements.review(actor, id, uuid(form.get("recordingId")), yesNo(form.get("startStatement")),
						yesNo(form.get("notification")), form.get("note"));
				case "long-term" -> longTerm.markActivity(actor, id, form.get("trigger"), form.get("note"));
				default -> throw CustodiaException.notFound("error.activity-not-found", step);
			}
			redirect.addFlashAttribute("notice", messages.getMessage("activities.saved", null, locale));
			return back;
		});
	}

	@PostMapping("/activities/{id}/work-records/{recordId}/{step}")
	String workRecordStep(@PathVariable UUID id, @PathVariable UUID recordId, @PathVariable String step,
			@RequestParam(required = false) String note, Locale locale, RedirectAttributes redirect) {
		String back = "redirect:/activities/" + id;
		return attempt(redirect, locale, back, () -> {
			Actor actor = CurrentActor.get();
			switch (step) {
				case "approve" -> workRecords.review(actor, id, recordId, true, note);
				case "return" -> workRecords.review(actor, id, recordId, false, note);
				case "file" -> workRecords.file(actor, id, recordId);
				default -> throw CustodiaException.notFound("error.work-record-not-found", step);
			}
			redirect.addFlashAttribute("notice", messages.getMessage("activities.saved", null, locale));
			return back;
		});
	}

	static Map<String, Text> typeLabels(List<ActivityTypes.ActivityType> types) {
		Map<String, Text> labels = new LinkedHashMap<>();
		types.forEach(type -> labels.put(type.code(), type.label()));
		return labels;
	}

	private Instant local(LocalDateTime time) {
		return time == null ? null : time.atZone(clock.getZone()).toInstant();
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

	private String attempt(RedirectAttributes redirect, Locale locale, String onError, Supplier<String> action) {
		try {
			return action.get();
		}
		catch (CustodiaException e) {
			Object[] arguments = e.arguments();
			for (int i = 0; i < arguments.length; i++) {
				if (arguments[i] instanceof String text && text.matches("^(role|rule|status)\\.[a-z-]+$")) {
					arguments[i] = messages.getMessage(text, null, text, locale);
				}
			}
			redirect.addFlashAttribute("error", messages.getMessage(e.messageKey(), arguments, e.messageKey(), locale)
					+ (e.citation() == null ? "" : "（" + e.citation() + "）"));
			return onError;
		}
	}
}
