package org.custodia.access;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Open viewing sessions; a session's one ledger entry is written when it closes. */
@Repository
class ViewingRepository {

	/** A session a stopped process left open. */
	record Left(UUID id, String agency, UUID recordingId, String object, String username, Instant startedAt,
			Instant lastSeenAt, String served, int requests, String played) {
	}

	private final JdbcClient jdbc;

	ViewingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void open(UUID id, String agency, UUID recordingId, String object, String username, Instant at) {
		jdbc.sql("""
				insert into access_viewing /* no-ledger: an open session; its entry is written when it closes */
				  (id, agency, recording_id, object, username, started_at, last_seen_at, served, requests, closed)
				values (:id, :agency, :recording, :object, :username, :at, :at, '', 0, false)""")
			.param("id", id).param("agency", agency).param("recording", recordingId).param("object", object)
			.param("username", username).param("at", Timestamp.from(at))
			.update();
	}

	void touch(UUID id, Instant lastSeen, String served, int requests, String played) {
		jdbc.sql("""
				update access_viewing /* no-ledger: progress of an open session */
				set last_seen_at = :seen, served = :served, requests = :requests, played = :played where id = :id""")
			.param("seen", Timestamp.from(lastSeen)).param("served", served).param("requests", requests)
			.param("played", played).param("id", id)
			.update();
	}

	/** Marks the session closed; called in the transaction that writes its ledger entry. */
	void close(UUID id, Instant lastSeen, String served, int requests, String played) {
		jdbc.sql("""
				update access_viewing
				set last_seen_at = :seen, served = :served, requests = :requests, played = :played, closed = true
				where id = :id""")
			.param("seen", Timestamp.from(lastSeen)).param("served", served).param("requests", requests)
			.param("played", played).param("id", id)
			.update();
	}

	List<Left> leftOpen() {
		return jdbc.sql("""
				select id, agency, recording_id, object, username, started_at, last_seen_at, served, requests, played
				from access_viewing where closed = false order by started_at""")
			.query((rs, row) -> new Left(rs.getObject("id", UUID.class), rs.getString("agency"),
					rs.getObject("recording_id", UUID.class), rs.getString("object"), rs.getString("username"),
					rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("last_seen_at").toInstant(),
					rs.getString("served"), rs.getInt("requests"), rs.getString("played")))
			.list();
	}
}
