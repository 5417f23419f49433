package org.custodia.access.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

import org.custodia.access.AccessRequest;
import org.custodia.access.AccessRequestPage;
import org.custodia.access.AccessRequestDocuments;
import org.custodia.access.AccessRequestEnds;
import org.custodia.access.AccessRequests;
import org.custodia.policy.AccessMatrix;
import org.custodia.shared.Actor;
import org.custodia.shared.CurrentActor;
import org.custodia.web.PageFlash;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The access pages: the list with the approver's inbox, the request form (with its documents), the request page
 * with its history and steps, and the copies made for a request.
 */
@Controller
class AccessRequestPagesController {

	private final AccessRequests requests;

	private final AccessRequestPage pages;

	private final AccessRequestDocuments documents;

	private final AccessRequestEnds ends;

	private final PageFlash flash;

	AccessRequestPagesController(AccessRequests requests, AccessRequestPage pages, AccessRequestDocuments documents,
			AccessRequestEnds ends, PageFlash flash) {
		this.requests = requests;
		this.pages = pages;
		this.documents = documents;
		this.ends = ends;
		this.flash = flash;
	}

	@GetMapping("/access-requests")
	String list(@RequestParam(required = false) String state, Model model) {
		Actor actor = CurrentActor.get();
		String agency = actor.agencyOf(null);
		AccessRequestPage.ListView view = pages.list(actor, agency,
				state == null || state.isBlank() ? null : AccessRequestsApiController.state(state));
		model.addAttribute("inbox", view.inbox());
		model.addAttribute("requests", view.requests());
		model.addAttribute("states", AccessRequest.State.values());
		model.addAttribute("state", state);
		model.addAttribute("form", view.form());
		model.addAttribute("zone", pages.zone());
		return "access/requests";
	}

	@GetMapping("/access-requests/new")
	String form(@RequestParam(required = false) List<UUID> recording, Model model) {
		Actor actor = CurrentActor.get();
		model.addAttribute("form", pages.form(actor, actor.agencyOf(null), recording == null ? List.of() : recording));
		model.addAttribute("zone", pages.zone());
		return "access/request-form";
	}

	@PostMapping("/access-requests")
	String submit(@RequestParam(required = false) List<UUID> recording, @RequestParam(required = false) UUID caseId,
			@RequestParam String requesterKind, @RequestParam(required = false) String requesterName,
			@RequestParam(required = false, defaultValue = "false") boolean lawyer,
			@RequestParam(required = false) String onBehalfOf, @RequestParam(required = false) String reason,
			@RequestParam(required = false) List<String> use, RedirectAttributes redirect) {
		String back = recording == null || recording.isEmpty() ? "redirect:/access-requests"
				: "redirect:/access-requests/new?" + String.join("&", recording.stream().map(id -> "recording=" + id).toList());
		return flash.attempt(redirect, back, () -> {
			AccessRequest request = requests.submit(CurrentActor.get(), new AccessRequests.NewRequest(recording, caseId,
					null, requesterKind, requesterName, lawyer, onBehalfOf, reason, use));
			flash.notice(redirect, "access.submitted", request.number());
			return "redirect:/access-requests/" + request.id();
		});
	}

	@GetMapping("/access-requests/{id}")
	String request(@PathVariable UUID id, Model model) {
		Actor actor = CurrentActor.get();
		model.addAttribute("view", pages.of(actor, id));
		model.addAttribute("zone", pages.zone());
		return "access/request";
	}

	@PostMapping("/access-requests/{id}/documents")
	String attach(@PathVariable UUID id, @RequestParam String kind, @RequestParam("file") MultipartFile file,
			RedirectAttributes redirect) {
		return flash.attempt(redirect, "redirect:/access-requests/" + id, () -> {
			try (InputStream content = file.getInputStream()) {
				documents.attach(CurrentActor.get(), id, kind, file.getOriginalFilename(), file.getContentType(),
						file.getSize(), content);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			flash.notice(redirect, "access.document-attached", file.getOriginalFilename());
			return "redirect:/access-requests/" + id;
		});
	}

	@PostMapping("/access-requests/{id}/decision")
	String decide(@PathVariable UUID id, @RequestParam boolean approved, @RequestParam(required = false) String note,
			@RequestParam(required = false) List<UUID> recording, RedirectAttributes redirect) {
		return flash.attempt(redirect, "redirect:/access-requests/" + id, () -> {
			AccessRequest request = requests.decide(CurrentActor.get(), id,
					new AccessRequests.NewDecision(approved, note, recording, null));
			flash.notice(redirect, "access.decided", request.number());
			return "redirect:/access-requests/" + id;
		});
	}

	@PostMapping("/access-requests/{id}/{step:withdrawal|fulfilment}")
	String close(@PathVariable UUID id, @PathVariable String step, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		return flash.attempt(redirect, "redirect:/access-requests/" + id, () -> {
			AccessRequest request = step.equals("withdrawal") ? ends.withdraw(CurrentActor.get(), id, note)
					: ends.fulfil(CurrentActor.get(), id, note);
			flash.notice(redirect, "access.closed", request.number());
			return "redirect:/access-requests/" + id;
		});
	}

	@PostMapping("/access-requests/{id}/copies")
	String copy(@PathVariable UUID id, @RequestParam UUID recording, @RequestParam String use,
			@RequestParam(required = false) Double atSeconds, RedirectAttributes redirect) {
		return flash.attempt(redirect, "redirect:/access-requests/" + id, () -> {
			AccessMatrix.Use asked = AccessMatrix.Use.fromCode(use).orElse(AccessMatrix.Use.COPY);
			pages.copy(CurrentActor.get(), id, recording, asked == AccessMatrix.Use.PRINT ? asked : AccessMatrix.Use.COPY,
					atSeconds == null ? null : Math.round(atSeconds * 1000));
			flash.notice(redirect, "access.copy-requested");
			return "redirect:/access-requests/" + id;
		});
	}
}
