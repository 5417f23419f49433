package org.custodia.device;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.custodia.shared.Actor;
import org.custodia.shared.CurrentActor;
import org.custodia.shared.CustodiaException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The device register and custody ledger over REST. */
@RestController
@RequestMapping("/api/v1/devices")
class DeviceApiController {

	record Issue(@NotNull UUID officerId, boolean batteryOk, boolean storageOk, boolean clockOk, String note) {
	}

	record Collect(@NotNull UUID officerId, String note) {
	}

	record Note(String note) {
	}

	record Loss(BigDecimal compensation, String note) {
	}

	private final DeviceRegister register;

	private final DeviceCustody custody;

	DeviceApiController(DeviceRegister register, DeviceCustody custody) {
		this.register = register;
		this.custody = custody;
	}

	@GetMapping
	List<Device> list(@RequestParam(required = false) String agency, @RequestParam(required = false) DeviceStatus status) {
		return register.list(CurrentActor.get(), agencyOf(agency), status);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Device register(@Valid @RequestBody NewDevice device) {
		return register.register(CurrentActor.get(), device);
	}

	/** A CSV register, {@code text/csv} or {@code text/plain}; answers what was registered and what was refused. */
	@PostMapping(value = "/import", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE })
	DeviceRegister.ImportResult importCsv(@RequestParam(required = false) String agency, @RequestBody String csv) {
		return register.importCsv(CurrentActor.get(), agencyOf(agency), csv);
	}

	@GetMapping("/board")
	List<DeviceCustody.Outstanding> board(@RequestParam(required = false) String agency) {
		return custody.outstanding(CurrentActor.get(), agencyOf(agency));
	}

	@GetMapping("/{id}")
	Device get(@PathVariable UUID id) {
		return register.get(CurrentActor.get(), id);
	}

	@GetMapping("/{id}/history")
	List<DeviceEvent> history(@PathVariable UUID id) {
		return register.history(CurrentActor.get(), id);
	}

	@GetMapping("/{id}/custody")
	DeviceCustody.Custody custody(@PathVariable UUID id, @RequestParam(required = false) Instant at) {
		return custody.custodyAt(CurrentActor.get(), id, at);
	}

	@PostMapping("/{id}/issue")
	Device issue(@PathVariable UUID id, @Valid @RequestBody Issue issue) {
		return custody.issue(CurrentActor.get(), id, issue.officerId(),
				new DeviceCustody.PreUseCheck(issue.batteryOk(), issue.storageOk(), issue.clockOk()), issue.note());
	}

	@PostMapping("/{id}/collect")
	Device collect(@PathVariable UUID id, @Valid @RequestBody Collect collect) {
		return custody.collect(CurrentActor.get(), id, collect.officerId(), collect.note());
	}

	@PostMapping("/{id}/faults")
	Device fault(@PathVariable UUID id, @RequestBody(required = false) Note note) {
		return custody.reportFault(CurrentActor.get(), id, note == null ? null : note.note());
	}

	@PostMapping("/{id}/repair")
	Device repair(@PathVariable UUID id, @RequestBody(required = false) Note note) {
		return custody.sendForRepair(CurrentActor.get(), id, note == null ? null : note.note());
	}

	@PostMapping("/{id}/repaired")
	Device repaired(@PathVariable UUID id, @RequestBody(required = false) Note note) {
		return custody.returnFromRepair(CurrentActor.get(), id, note == null ? null : note.note());
	}

	@PostMapping("/{id}/loss")
	Device loss(@PathVariable UUID id, @RequestBody Loss loss) {
		return custody.reportLoss(CurrentActor.get(), id, loss.compensation(), loss.note());
	}

	@PostMapping("/{id}/damage")
	Device damage(@PathVariable UUID id, @RequestBody Loss damage) {
		return custody.reportDamage(CurrentActor.get(), id, damage.compensation(), damage.note());
	}

	@PostMapping("/{id}/retire")
	Device retire(@PathVariable UUID id, @RequestBody Note reason) {
		return custody.retire(CurrentActor.get(), id, reason.note());
	}

	private static String agencyOf(String agency) {
		Actor actor = CurrentActor.get();
		if (agency != null) {
			return agency;
		}
		return actor.agency().orElseThrow(() -> CustodiaException.badRequest("error.agency-required"));
	}
}
