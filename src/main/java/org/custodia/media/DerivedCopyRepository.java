package org.custodia.media;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DerivedCopyRepository {

	/** What the worker needs to make a copy besides the public view. */
	record Work(DerivedCopy copy, String originalKey, String originalSha256, String watermarkText) {
	}

	private static final String COLUMNS = """
			select id, recording_id, agency, kind, state, original_key, original_sha256, store_key, sha256, size,
			       content_type, from_millis, to_millis, actual_from_millis, actual_to_millis, made_by, made_for, request_ref,
			       watermark_text, problem, requested_at, finished_at
			from media_derived""";

	private final JdbcClient jdbc;

	DerivedCopyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts a requested copy; false when the recording has its proxy already (one is kept per recording). */
	boolean insert(DerivedCopy copy, OriginalRef original, String watermarkText) {
		return jdbc.sql("""
				insert into media_derived (id, recording_id, proxy_of, agency, kind, state, original_key, original_sha256,
				    from_millis, to_millis, made_by, made_for, request_ref, watermark_text, requested_at)
				values (:id, :recording, :proxyOf, :agency, :kind, :state, :originalKey, :originalSha, :from, :to, :by, :for,
				    :ref, :watermark, :requestedAt)
				on conflict do nothing
				/* no-ledger: an insert that finds the recording's proxy made meanwhile changes nothing; one that
				   inserts is ledgered by DerivedCopies.request in the same transaction */""")
			.param("id", copy.id())
			.param("recording", copy.recordingId())
			.param("proxyOf", copy.kind() == DerivedCopy.Kind.PROXY ? copy.recordingId() : null)
			.param("agency", copy.agency())
			.param("kind", copy.kind().name())
			.param("state", copy.state().name())
			.param("originalKey", original.storeKey())
			.param("originalSha", original.sha256())
			.param("from", copy.fromMillis())
			.param("to", copy.toMillis())
			.param("by", copy.madeBy())
			.param("for", copy.madeFor())
			.param("ref", copy.requestRef())
			.param("watermark", watermarkText)
			.param("requestedAt", Timestamp.from(copy.requestedAt()))
			.update() == 1;
	}

	Optional<Work> find(UUID id) {
		return jdbc.sql(COLUMNS + " where id = :id").param("id", id).query(DerivedCopyRepository::work).optional();
	}

	/** The newest copy of a kind, whatever its state. */
	Optional<DerivedCopy> latest(UUID recordingId, DerivedCopy.Kind kind) {
		return jdbc.sql(COLUMNS + " where recording_id = :recording and kind = :kind order by requested_at desc, id limit 1")
			.param("recording", recordingId)
			.param("kind", kind.name())
			.query(DerivedCopyRepository::copy)
			.optional();
	}

	List<DerivedCopy> of(UUID recordingId) {
		return jdbc.sql(COLUMNS + " where recording_id = :recording order by requested_at, id")
			.param("recording", recordingId)
			.query(DerivedCopyRepository::copy)
			.list();
	}

	/** Marks a recording's copies disposed of with it; returns them as they were. */
	List<DerivedCopy> disposed(UUID recordingId, UUID disposalId, Instant at) {
		List<DerivedCopy> copies = of(recordingId).stream().filter(copy -> !disposedAlready(copy.id())).toList();
		jdbc.sql("""
				update media_derived set disposed_at = :at, disposal_id = :disposal
				where recording_id = :recording and disposed_at is null""")
			.param("at", Timestamp.from(at)).param("disposal", disposalId).param("recording", recordingId)
			.update();
		return copies;
	}

	private boolean disposedAlready(UUID id) {
		return jdbc.sql("select count(*) from media_derived where id = :id and disposed_at is not null").param("id", id)
			.query(Long.class).single() > 0;
	}

	/** Whether a copy still kept names this store key. */
	boolean keptUnder(String key) {
		return jdbc.sql("select count(*) from media_derived where store_key = :key and disposed_at is null")
			.param("key", key).query(Long.class).single() > 0;
	}

	List<UUID> pending(int limit) {
		return jdbc.sql("select id from media_derived where state = 'PENDING' and disposed_at is null order by requested_at, id limit :limit")
			.param("limit", limit)
			.query(UUID.class)
			.list();
	}

	/** Takes a pending copy for this worker; false when another worker took it first. */
	boolean claim(UUID id) {
		return jdbc.sql("""
				update media_derived set state = 'WORKING' where id = :id and state = 'PENDING' and disposed_at is null
				/* no-ledger: a worker taking a copy to make; the request and the result have their entries */""")
			.param("id", id)
			.update() == 1;
	}

	/** Copies a killed process was making go back to the queue. */
	int releaseInterrupted() {
		return jdbc.sql("""
				update media_derived set state = 'PENDING' where state = 'WORKING'
				/* no-ledger: undoes a claim that was never recorded; the copy is made and recorded later */""")
			.update();
	}

	boolean ready(UUID id, String storeKey, String sha256, long size, String contentType, long actualFromMillis,
			Long actualToMillis, Instant finishedAt) {
		return jdbc.sql("""
				update media_derived set state = 'READY', store_key = :key, sha256 = :sha, size = :size,
				    content_type = :type, actual_from_millis = :actualFrom,
				    actual_to_millis = :actualTo, finished_at = :finishedAt
				where id = :id and state = 'WORKING'""")
			.param("key", storeKey)
			.param("sha", sha256)
			.param("size", size)
			.param("type", contentType)
			.param("actualFrom", actualFromMillis)
			.param("actualTo", actualToMillis)
			.param("finishedAt", Timestamp.from(finishedAt))
			.param("id", id)
			.update() == 1;
	}

	boolean failed(UUID id, String problem, Instant finishedAt) {
		return jdbc.sql("""
				update media_derived set state = 'FAILED', problem = :problem, finished_at = :finishedAt
				where id = :id and state = 'WORKING'""")
			.param("problem", problem)
			.param("finishedAt", Timestamp.from(finishedAt))
			.param("id", id)
			.update() == 1;
	}

	private static Work work(ResultSet rs, int row) throws SQLException {
		return new Work(copy(rs, row), rs.getString("original_key"), rs.getString("original_sha256"),
				rs.getString("watermark_text"));
	}

	private static DerivedCopy copy(ResultSet rs, int row) throws SQLException {
		return new DerivedCopy(rs.getObject("id", UUID.class), rs.getObject("recording_id", UUID.class),
				rs.getString("agency"), DerivedCopy.Kind.valueOf(rs.getString("kind")),
				DerivedCopy.State.valueOf(rs.getString("state")), rs.getString("store_key"), rs.getString("sha256"),
				rs.getObject("size", Long.class), rs.getString("content_type"), rs.getObject("from_millis", Long.class),
				rs.getObject("to_millis", Long.class), rs.getObject("actual_from_millis", Long.class),
				rs.getObject("actual_to_millis", Long.class),
				rs.getString("made_by"), rs.getString("made_for"), rs.getString("request_ref"), rs.getString("problem"),
				instant(rs, "requested_at"), instant(rs, "finished_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}
}
