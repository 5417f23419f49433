package org.custodia.identity.web;

import java.util.List;
import java.util.UUID;

import org.custodia.identity.RoleGrant;
import org.custodia.identity.RoleGrants;
import org.custodia.shared.CurrentActor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Roles that see footage waiting for a second person: listed to the agency, confirmed or refused. */
@RestController
@RequestMapping("/api/v1/role-grants")
class RoleGrantsApiController {

	record Decision(String note) {
	}

	private final RoleGrants grants;

	RoleGrantsApiController(RoleGrants grants) {
		this.grants = grants;
	}

	@GetMapping
	List<RoleGrant> list(@RequestParam(required = false) String agency, @RequestParam(defaultValue = "false") boolean all) {
		return grants.list(CurrentActor.get(), agency, all);
	}

	@PostMapping("/{id}/confirm")
	RoleGrant confirm(@PathVariable UUID id, @RequestBody(required = false) Decision decision) {
		return grants.confirm(CurrentActor.get(), id, decision == null ? null : decision.note());
	}

	@PostMapping("/{id}/refuse")
	RoleGrant refuse(@PathVariable UUID id, @RequestBody(required = false) Decision decision) {
		return grants.refuse(CurrentActor.get(), id, decision == null ? null : decision.note());
	}
}
