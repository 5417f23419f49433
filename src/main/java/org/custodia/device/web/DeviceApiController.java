package org.custodia.device.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.custodia.device.Device;
import org.custodia.device.DeviceBoard;
import org.custodia.device.DeviceCustody;
import org.custodia.device.DeviceEvent;
import org.custodia.device.DeviceRegister;
import org.custodia.device.DeviceStatus;
import org.custodia.device.NewDevice;
import org.custodia.shared.Actor;
import org.custodia.shared.CurrentActor;
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

	/**
	 * A scan of a device number: to issue, the officer (else the device's default officer) and the pre-use
	 * check, a check left out counting as not done; nothing is needed to collect.
	 */
	record Scan(UUID officerId, Boolean batteryOk, Boolean storageOk, Boolean clockOk, String note) {

		DeviceCustody.PreUseCheck check() {
			return new DeviceCustody.PreUseCheck(Boolean.TRUE.equals(batteryOk), Boolean.TRUE.equals(storageOk),
					Boolean.TRUE.equals(clockOk));
		}
	}

	private final DeviceRegister register;

	private final DeviceCustody custody;

	private final DeviceBoard board;

	DeviceApiController(DeviceRegister register, DeviceCustody custody, DeviceBoard board) {
		this.register = register;
		this.custody = custody;
		this.board = board;
	}

	@GetMapping
	List<Device> list(@RequestParam(required = false) String agency, @RequestParam(required = false) DeviceStatus status) {
		Actor actor = CurrentActor.get();
		return register.list(actor, actor.agencyOf(agency), status);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Device register(@Valid @RequestBody NewDevice device) {
		return register.register(CurrentActor.get(), device);
	}

	/** A CSV register, {@code text/csv} or {@code text/plain}; answers what was registered and what was refused. */
	@PostMapping(value = "/import", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE })
	DeviceRegister.ImportResult importCsv(@RequestParam(required = false) String agency, @RequestBody String csv) {
		Actor actor = CurrentActor.get();
		return register.importCsv(actor, actor.agencyOf(agency), csv);
	}

	@GetMapping("/board")
	List<DeviceCustody.Outstanding> board(@RequestParam(required = false) String agency) {
		Actor actor = CurrentActor.get();
		return custody.outstanding(actor, actor.agencyOf(agency));
	}

	/** What the board's scan does: collects the device from its holder when it is out, else issues it. */
	@PostMapping("/{number}/scan")
	DeviceBoard.Scan scan(@PathVariable String number, @RequestParam(required = false) String agency,
			@RequestBody(required = false) Scan scan) {
		Actor actor = CurrentActor.get();
		Scan given = scan == null ? new Scan(null, null, null, null, null) : scan;
		return board.scan(actor, actor.agencyOf(agency), number, given.officerId(), given.check(), given.note());
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
}
