package org.custodia.identity.web;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import org.custodia.identity.Agencies;
import org.custodia.identity.AgencyView;
import org.custodia.identity.ApiTokenView;
import org.custodia.identity.ApiTokens;
import org.custodia.identity.IssuedToken;
import org.custodia.identity.NewUser;
import org.custodia.identity.PasswordChanges;
import org.custodia.identity.UnitView;
import org.custodia.identity.UserView;
import org.custodia.identity.StaffChanges;
import org.custodia.identity.Users;
import org.custodia.shared.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Agencies, units, users and API tokens over REST. */
@RestController
@RequestMapping("/api/v1")
class IdentityApiController {

	record NewUnit(@NotBlank String nameZh, String nameEn, String kind) {
	}

	record RoleChange(@NotEmpty List<String> roles) {
	}

	record TokenRequest(String name, Integer days) {
	}

	record PasswordChange(@NotBlank String currentPassword, @NotBlank String newPassword) {
	}

	record PasswordReset(@NotBlank String initialPassword) {
	}

	private final Agencies agencies;

	private final Users users;

	private final PasswordChanges passwords;

	private final ApiTokens tokens;

	private final StaffChanges staff;

	IdentityApiController(Agencies agencies, Users users, PasswordChanges passwords, ApiTokens tokens,
			StaffChanges staff) {
		this.staff = staff;
		this.agencies = agencies;
		this.users = users;
		this.passwords = passwords;
		this.tokens = tokens;
	}

	@GetMapping("/agencies")
	List<AgencyView> agencies() {
		return agencies.visibleTo(CurrentActor.get());
	}

	@GetMapping("/agencies/{code}/units")
	List<UnitView> units(@PathVariable String code) {
		return agencies.units(CurrentActor.get(), code);
	}

	@PostMapping("/agencies/{code}/units")
	@ResponseStatus(HttpStatus.CREATED)
	UnitView createUnit(@PathVariable String code, @Valid @RequestBody NewUnit unit) {
		return agencies.createUnit(CurrentActor.get(), code, unit.nameZh(), unit.nameEn(), unit.kind());
	}

	@GetMapping("/users")
	List<UserView> users(@RequestParam(required = false) String agency) {
		return users.list(CurrentActor.get(), agency);
	}

	@GetMapping("/users/{id}")
	UserView user(@PathVariable UUID id) {
		return users.get(CurrentActor.get(), id);
	}

	@PostMapping("/users")
	@ResponseStatus(HttpStatus.CREATED)
	UserView createUser(@Valid @RequestBody NewUser user) {
		return users.create(CurrentActor.get(), user);
	}

	@PutMapping("/users/{id}/roles")
	UserView changeRoles(@PathVariable UUID id, @Valid @RequestBody RoleChange change) {
		return users.changeRoles(CurrentActor.get(), id, change.roles());
	}

	/** A move to another unit of the agency, with the reason: his approvals to watch or copy end at once. */
	@PutMapping("/users/{id}/unit")
	UserView moveToUnit(@PathVariable UUID id, @RequestBody StaffChanges.Move move) {
		return staff.moveToUnit(CurrentActor.get(), id, move.unitId(), move.reason());
	}

	/** He has left the agency: he signs in no more, his sessions and tokens end, his approvals with them. */
	@PostMapping("/users/{id}/departure")
	UserView depart(@PathVariable UUID id, @RequestBody StaffChanges.Departure departure) {
		return staff.depart(CurrentActor.get(), id, departure.reason());
	}

	/** A new one-time password; ends the user's sessions, revokes his tokens, asks again for his footage roles. */
	@PostMapping("/users/{id}/password-reset")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void resetPassword(@PathVariable UUID id, @Valid @RequestBody PasswordReset reset) {
		passwords.reset(CurrentActor.get(), id, reset.initialPassword());
	}

	@GetMapping("/me")
	UserView me() {
		return users.get(CurrentActor.get(), CurrentActor.get().userId());
	}

	/** Reached with HTTP Basic only (see the security configuration); refused while the password must be changed. */
	@PostMapping("/auth/token")
	@ResponseStatus(HttpStatus.CREATED)
	IssuedToken issueToken(@RequestBody(required = false) TokenRequest request) {
		String name = request == null ? null : request.name();
		Duration lifetime = request == null || request.days() == null ? null : Duration.ofDays(request.days());
		return tokens.issue(CurrentActor.get(), name, lifetime);
	}

	/**
	 * Changes the password without a browser, with HTTP Basic only (see the security configuration): how
	 * a scripted install replaces the one-time password before asking for a token. Ends every session and
	 * revokes every token of the user.
	 */
	@PostMapping("/auth/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void changePassword(@Valid @RequestBody PasswordChange change) {
		passwords.change(CurrentActor.get(), change.currentPassword(), change.newPassword());
	}

	@GetMapping("/auth/tokens")
	List<ApiTokenView> tokens() {
		return tokens.list(CurrentActor.get());
	}

	@DeleteMapping("/auth/tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@PathVariable UUID id) {
		tokens.revoke(CurrentActor.get(), id);
	}
}
