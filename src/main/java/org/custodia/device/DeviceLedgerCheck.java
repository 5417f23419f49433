package org.custodia.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.custodia.ledger.Disagreement;
import org.custodia.ledger.LedgerEntry;
import org.custodia.ledger.RegisterCheck;
import org.springframework.stereotype.Component;

/** The device register against the ledger: number, kind, serial and asset numbers, agency, as registered. */
@Component
class DeviceLedgerCheck implements RegisterCheck {

	static final String TABLE = "device_device";

	private final DeviceRepository devices;

	DeviceLedgerCheck(DeviceRepository devices) {
		this.devices = devices;
	}

	@Override
	public String created() {
		return "device.registered";
	}

	@Override
	public String table() {
		return TABLE;
	}

	@Override
	public long rows() {
		return devices.count();
	}

	@Override
	public Stream<Disagreement> check(Map<String, List<LedgerEntry>> entries) {
		Map<UUID, Device> rows = devices.byIds(entries.keySet().stream().map(UUID::fromString).toList());
		List<Disagreement> found = new ArrayList<>();
		entries.forEach((id, about) -> {
			LedgerEntry registered = about.get(0);
			Device row = rows.get(UUID.fromString(id));
			if (row == null) {
				found.add(Disagreement.missing(TABLE, id, registered.sequence()));
				return;
			}
			Map<String, Object> stated = registered.payload();
			long at = registered.sequence();
			Stream.of(Disagreement.stated(TABLE, id, "number", stated, "number", row.number(), at),
					Disagreement.stated(TABLE, id, "kind", stated, "kind", row.kind().name(), at),
					Disagreement.stated(TABLE, id, "serial", stated, "serial", row.serialNumber(), at),
					Disagreement.stated(TABLE, id, "assetNumber", stated, "assetNumber", row.assetNumber(), at),
					Disagreement.compare(TABLE, id, "agency", registered.agency(), row.agency(), at))
				.flatMap(Optional::stream)
				.forEach(found::add);
		});
		return found.stream();
	}
}
