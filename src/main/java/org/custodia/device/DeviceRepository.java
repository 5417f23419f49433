package org.custodia.device;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DeviceRepository {

	private static final String COLUMNS = """
			select id, agency_code, number, kind, brand, model, serial_number, asset_number, purchase_date, purchase_price,
			       custodian_id, default_officer_id, volume_label, volume_serial, status, holder_id, created_at
			from device_device""";

	private final JdbcClient jdbc;

	DeviceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Device device) {
		jdbc.sql("""
				insert into device_device (id, agency_code, number, kind, brand, model, serial_number, asset_number,
				    purchase_date, purchase_price, custodian_id, default_officer_id, volume_label, volume_serial, status,
				    holder_id, created_at)
				values (:id, :agency, :number, :kind, :brand, :model, :serial, :asset, :purchaseDate, :price, :custodian,
				    :officer, :volumeLabel, :volumeSerial, :status, :holder, :createdAt)""")
			.param("id", device.id())
			.param("agency", device.agency())
			.param("number", device.number())
			.param("kind", device.kind().name())
			.param("brand", device.brand())
			.param("model", device.model())
			.param("serial", device.serialNumber())
			.param("asset", device.assetNumber())
			.param("purchaseDate", device.purchaseDate() == null ? null : Date.valueOf(device.purchaseDate()))
			.param("price", device.purchasePrice())
			.param("custodian", device.custodianId())
			.param("officer", device.defaultOfficerId())
			.param("volumeLabel", device.volumeLabel())
			.param("volumeSerial", device.volumeSerial())
			.param("status", device.status().name())
			.param("holder", device.holderId())
			.param("createdAt", Timestamp.from(device.createdAt()))
			.update();
	}

	void changeStatus(UUID id, DeviceStatus status, UUID holderId) {
		jdbc.sql("update device_device set status = :status, holder_id = :holder where id = :id")
			.param("status", status.name())
			.param("holder", holderId)
			.param("id", id)
			.update();
	}

	Map<UUID, Device> byIds(java.util.Collection<UUID> ids) {
		Map<UUID, Device> found = new java.util.HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql(COLUMNS + " where id in (:ids)").param("ids", ids).query(this::map).list()
				.forEach(device -> found.put(device.id(), device));
		}
		return found;
	}

	long count() {
		return jdbc.sql("select count(*) from device_device").query(Long.class).single();
	}

	Optional<Device> find(UUID id) {
		return jdbc.sql(COLUMNS + " where id = :id").param("id", id).query(this::map).optional();
	}

	boolean numberTaken(String agency, String number) {
		return jdbc.sql("select count(*) from device_device where agency_code = :agency and number = :number")
			.param("agency", agency)
			.param("number", number)
			.query(Long.class)
			.single() > 0;
	}

	List<Device> list(String agency, DeviceStatus status, UUID holderId) {
		StringBuilder where = new StringBuilder(" where agency_code = :agency");
		if (status != null) {
			where.append(" and status = :status");
		}
		if (holderId != null) {
			where.append(" and holder_id = :holder");
		}
		var statement = jdbc.sql(COLUMNS + where + " order by number").param("agency", agency);
		if (status != null) {
			statement = statement.param("status", status.name());
		}
		if (holderId != null) {
			statement = statement.param("holder", holderId);
		}
		return statement.query(this::map).list();
	}

	void insertEvent(DeviceEvent event, String agency) {
		jdbc.sql("""
				insert into device_event (id, device_id, agency_code, kind, occurred_at, actor_id, actor_name, officer_id,
				    battery_ok, storage_ok, clock_ok, amount, note, cite)
				values (:id, :device, :agency, :kind, :at, :actor, :actorName, :officer, :battery, :storage, :clock, :amount,
				    :note, :cite)""")
			.param("id", event.id())
			.param("device", event.deviceId())
			.param("agency", agency)
			.param("kind", event.kind().name())
			.param("at", Timestamp.from(event.occurredAt()))
			.param("actor", event.actorId())
			.param("actorName", event.actorName())
			.param("officer", event.officerId())
			.param("battery", event.batteryOk())
			.param("storage", event.storageOk())
			.param("clock", event.clockOk())
			.param("amount", event.amount())
			.param("note", event.note())
			.param("cite", event.cite())
			.update();
	}

	List<DeviceEvent> history(UUID deviceId) {
		return jdbc.sql("""
				select id, device_id, kind, occurred_at, actor_id, actor_name, officer_id, battery_ok, storage_ok, clock_ok,
				       amount, note, cite
				from device_event where device_id = :device order by occurred_at, kind""")
			.param("device", deviceId)
			.query(DeviceRepository::event)
			.list();
	}

	/** The issues and collections of one officer, newest first: the devices a person held. */
	List<DeviceEvent> handoversOf(UUID officerId) {
		return jdbc.sql("""
				select id, device_id, kind, occurred_at, actor_id, actor_name, officer_id, battery_ok, storage_ok, clock_ok,
				       amount, note, cite
				from device_event where officer_id = :officer and kind in ('ISSUED', 'COLLECTED') order by occurred_at desc""")
			.param("officer", officerId)
			.query(DeviceRepository::event)
			.list();
	}

	/**
	 * The device with this number, as typed or scanned: the exact number first, else the one number that
	 * differs only in case (a scanner or keyboard in the other case); empty when none or several do.
	 */
	Optional<Device> findByNumber(String agency, String number) {
		Optional<Device> exact = jdbc.sql(COLUMNS + " where agency_code = :agency and number = :number")
			.param("agency", agency)
			.param("number", number)
			.query(this::map)
			.optional();
		if (exact.isPresent()) {
			return exact;
		}
		List<Device> alike = jdbc.sql(COLUMNS + " where agency_code = :agency and upper(number) = upper(:number)")
			.param("agency", agency)
			.param("number", number)
			.query(this::map)
			.list();
		return alike.size() == 1 ? Optional.of(alike.get(0)) : Optional.empty();
	}

	/** Devices whose volume serial (when given) or else volume label is the given one, in any agency. */
	List<Device> findByVolume(String label, String serial) {
		if (serial != null && !serial.isBlank()) {
			List<Device> bySerial = jdbc.sql(COLUMNS + " where lower(volume_serial) = lower(:serial)")
				.param("serial", serial.strip())
				.query(this::map)
				.list();
			if (!bySerial.isEmpty()) {
				return bySerial;
			}
		}
		if (label == null || label.isBlank()) {
			return List.of();
		}
		return jdbc.sql(COLUMNS + " where volume_label = :label").param("label", label.strip()).query(this::map).list();
	}

	void linkRecording(UUID deviceId, UUID recordingId, Instant recordedAt, UUID holderId) {
		jdbc.sql("""
				insert into device_recording (device_id, recording_id, recorded_at, holder_id)
				values (:device, :recording, :at, :holder)""")
			.param("device", deviceId)
			.param("recording", recordingId)
			.param("at", recordedAt == null ? null : Timestamp.from(recordedAt))
			.param("holder", holderId)
			.update();
	}

	List<DeviceRecordings.RecordingLink> recordings(UUID deviceId) {
		return jdbc.sql("""
				select recording_id, recorded_at, holder_id from device_recording where device_id = :device
				order by recorded_at desc""")
			.param("device", deviceId)
			.query((rs, n) -> new DeviceRecordings.RecordingLink(rs.getObject(1, UUID.class),
					rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant(), rs.getObject(3, UUID.class)))
			.list();
	}

	/** The last issue or collection at or before the instant: who held the device then. */
	Optional<DeviceEvent> lastHandoverAt(UUID deviceId, Instant at) {
		return jdbc.sql("""
				select id, device_id, kind, occurred_at, actor_id, actor_name, officer_id, battery_ok, storage_ok, clock_ok,
				       amount, note, cite
				from device_event where device_id = :device and kind in ('ISSUED', 'COLLECTED') and occurred_at <= :at
				order by occurred_at desc limit 1""")
			.param("device", deviceId)
			.param("at", Timestamp.from(at))
			.query(DeviceRepository::event)
			.optional();
	}

	/** The first collection of the device at or after the moment: when it came back to the unit. */
	Optional<Instant> firstCollectionFrom(UUID deviceId, Instant at) {
		return jdbc.sql("""
				select occurred_at from device_event where device_id = :device and kind = 'COLLECTED' and occurred_at >= :at
				order by occurred_at limit 1""")
			.param("device", deviceId)
			.param("at", Timestamp.from(at))
			.query((rs, row) -> rs.getTimestamp("occurred_at").toInstant())
			.optional();
	}

	private Device map(ResultSet rs, int row) throws SQLException {
		Date purchase = rs.getDate("purchase_date");
		return new Device(rs.getObject("id", UUID.class), rs.getString("agency_code"), rs.getString("number"),
				DeviceKind.valueOf(rs.getString("kind")), rs.getString("brand"), rs.getString("model"),
				rs.getString("serial_number"), rs.getString("asset_number"), purchase == null ? null : purchase.toLocalDate(),
				rs.getBigDecimal("purchase_price"), rs.getObject("custodian_id", UUID.class),
				rs.getObject("default_officer_id", UUID.class), rs.getString("volume_label"), rs.getString("volume_serial"),
				DeviceStatus.valueOf(rs.getString("status")), rs.getObject("holder_id", UUID.class),
				rs.getTimestamp("created_at").toInstant());
	}

	private static DeviceEvent event(ResultSet rs, int row) throws SQLException {
		BigDecimal amount = rs.getBigDecimal("amount");
		return new DeviceEvent(rs.getObject("id", UUID.class), rs.getObject("device_id", UUID.class),
				DeviceEventKind.valueOf(rs.getString("kind")),
				rs.getTimestamp("occurred_at").toInstant(), rs.getObject("actor_id", UUID.class), rs.getString("actor_name"),
				rs.getObject("officer_id", UUID.class), (Boolean) rs.getObject("battery_ok"), (Boolean) rs.getObject("storage_ok"),
				(Boolean) rs.getObject("clock_ok"), amount, rs.getString("note"), rs.getString("cite"));
	}
}
