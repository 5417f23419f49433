package org.custodia.device;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEvent;
import org.custodia.policy.Action;
import org.custodia.policy.AgencyPolicy;
import org.custodia.policy.Policies;
import org.custodia.policy.PolicyDecisions;
import org.custodia.shared.Actor;
import org.custodia.shared.CsvRows;
import org.custodia.shared.CustodiaException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The register of an agency's recording devices (DEV-1): numbered, with brand, serial and asset data. */
@Component
public class DeviceRegister {

	/** The outcome of a CSV import: what was registered, and each refused line with the reason. */
	public record ImportResult(List<Device> registered, List<String> refused) {
	}

	private final DeviceRepository devices;

	private final PolicyDecisions decisions;

	private final Policies policies;

	private final Ledger ledger;

	private final Clock clock;

	DeviceRegister(DeviceRepository devices, PolicyDecisions decisions, Policies policies, Ledger ledger, Clock clock) {
		this.devices = devices;
		this.decisions = decisions;
		this.policies = policies;
		this.ledger = ledger;
		this.clock = clock;
	}

	@Transactional
	public Device register(Actor actor, NewDevice request) {
		decisions.decide(actor, Action.MANAGE_DEVICES, request.agency()).orThrow();
		if (request.number() == null || !request.number().matches("^[A-Za-z0-9._-]{1,64}$")) {
			throw CustodiaException.badRequest("error.device-number-invalid");
		}
		if (request.kind() == null) {
			throw CustodiaException.badRequest("error.field-required", "kind");
		}
		if (devices.numberTaken(request.agency(), request.number())) {
			throw CustodiaException.conflict("error.device-number-taken", request.number());
		}
		AgencyPolicy policy = policies.of(request.agency());
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Device device = new Device(UUID.randomUUID(), request.agency(), request.number(), request.kind(), request.brand(),
				request.model(), request.serialNumber(), request.assetNumber(), request.purchaseDate(),
				request.purchasePrice(), request.custodianId(), request.defaultOfficerId(), request.volumeLabel(),
				request.volumeSerial(), DeviceStatus.IN_STORE, null, now);
		devices.insert(device);
		devices.insertEvent(new DeviceEvent(UUID.randomUUID(), device.id(), DeviceEventKind.REGISTERED, now, actor.userId(),
				actor.username(), null, null, null, null, request.purchasePrice(), null, policy.devices().fixedAsset().cite()),
				device.agency());
		ledger.append(LedgerEvent.by(actor, device.agency(), "device.registered", "device", device.id().toString(),
				Map.of("number", device.number(), "kind", device.kind().name(), "serial", String.valueOf(device.serialNumber()),
						"assetNumber", String.valueOf(device.assetNumber()))));
		return device;
	}

	/** The columns of a CSV register, in order; a file may leave out trailing ones, never {@code number,kind}. */
	static final List<String> CSV_COLUMNS = List.of("number", "kind", "brand", "model", "serial", "asset_number",
			"purchase_date", "purchase_price", "volume_label", "volume_serial");

	/**
	 * Registers each line of a CSV register (header: {@link #CSV_COLUMNS}); refused lines are reported,
	 * not registered. A text whose first line is not that header is not a device list and is refused whole.
	 */
	@Transactional
	public ImportResult importCsv(Actor actor, String agency, String csv) {
		decisions.decide(actor, Action.MANAGE_DEVICES, agency).orThrow();
		List<Device> registered = new ArrayList<>();
		List<String> refused = new ArrayList<>();
		List<CsvRows.Row> rows = CsvRows.of(csv == null ? "" : csv);
		if (rows.isEmpty() || !isHeader(rows.get(0))) {
			throw new CustodiaException(org.springframework.http.HttpStatus.BAD_REQUEST, "error.device-csv-header", null,
					Map.of("field", "csv", "expected", String.join(",", CSV_COLUMNS)), String.join(",", CSV_COLUMNS));
		}
		for (CsvRows.Row row : rows.subList(1, rows.size())) {
			String[] cells = new String[10];
			for (int column = 0; column < cells.length; column++) {
				cells[column] = row.get(column);
			}
			try {
				registered.add(register(actor, new NewDevice(agency, cells[0].strip(), DeviceKind.valueOf(cells[1].strip()),
						blank(cells[2]), blank(cells[3]), blank(cells[4]), blank(cells[5]),
						blank(cells[6]) == null ? null : LocalDate.parse(cells[6].strip()),
						blank(cells[7]) == null ? null : new BigDecimal(cells[7].strip()), null, null, blank(cells[8]),
						blank(cells[9]))));
			}
			catch (CustodiaException | IllegalArgumentException | java.time.DateTimeException e) {
				String reason = e instanceof CustodiaException custodia ? custodia.messageKey() : e.getMessage();
				refused.add(row.line() + ": " + reason);
			}
		}
		return new ImportResult(registered, refused);
	}

	/** {@code number,kind}, then any of the other columns in their order; names are case-blind. */
	private static boolean isHeader(CsvRows.Row row) {
		List<String> names = new ArrayList<>(row.fields().stream().map(name -> name.strip().toLowerCase(java.util.Locale.ROOT)).toList());
		// A spreadsheet may save empty cells after the last heading.
		while (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) {
			names.remove(names.size() - 1);
		}
		return names.size() >= 2 && names.size() <= CSV_COLUMNS.size() && names.equals(CSV_COLUMNS.subList(0, names.size()));
	}

	@Transactional(readOnly = true)
	public List<Device> list(Actor actor, String agency, DeviceStatus status) {
		decisions.decide(actor, Action.SEE_AGENCY, agency).orThrow();
		return devices.list(agency, status, null);
	}

	@Transactional(readOnly = true)
	public Device get(Actor actor, UUID id) {
		Device device = devices.find(id).orElseThrow(() -> CustodiaException.notFound("error.device-not-found", id));
		decisions.decide(actor, Action.SEE_AGENCY, device.agency()).orThrow();
		return device;
	}

	@Transactional(readOnly = true)
	public List<DeviceEvent> history(Actor actor, UUID id) {
		return devices.history(get(actor, id).id());
	}

	@Transactional(readOnly = true)
	public Device byNumber(Actor actor, String agency, String number) {
		decisions.decide(actor, Action.SEE_AGENCY, agency).orThrow();
		return devices.findByNumber(agency, number == null ? "" : number.strip())
			.orElseThrow(() -> CustodiaException.notFound("error.device-not-found", number));
	}

	/**
	 * The device a docked volume belongs to, by its filesystem serial first, else its label; empty when
	 * none or more than one device matches. A system lookup for the collection workstation: no actor,
	 * so the caller must not show the result to anyone not allowed to see the device's agency.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<Device> byVolume(String label, String serial) {
		List<Device> matches = devices.findByVolume(label, serial);
		return matches.size() == 1 ? java.util.Optional.of(matches.get(0)) : java.util.Optional.empty();
	}

	/** What a person was handed and gave back, newest first. */
	@Transactional(readOnly = true)
	public List<DeviceEvent> handoversOf(Actor actor, String agency, UUID officerId) {
		decisions.decide(actor, Action.SEE_AGENCY, agency).orThrow();
		return devices.handoversOf(officerId).stream()
			.filter(event -> devices.find(event.deviceId()).map(device -> device.agency().equals(agency)).orElse(false))
			.toList();
	}

	private static String blank(String cell) {
		return cell == null || cell.isBlank() ? null : cell.strip();
	}
}
