package org.custodia.media;

import java.util.Map;
import java.util.function.Consumer;

import org.custodia.shared.KeptBlobs;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The derived copies (proxies, clips, watermarked copies) in the store, for the integrity sweep. */
@Component
class DerivedBlobs implements KeptBlobs {

	private final JdbcClient jdbc;

	DerivedBlobs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void forEachKept(Consumer<Kept> kept) {
		jdbc.sql("select id, recording_id, agency, kind, store_key, sha256 from media_derived"
				+ " where store_key is not null and disposed_at is null")
			.query((RowCallbackHandler) row -> kept.accept(new Kept(row.getString("store_key"), row.getString("sha256"), null,
					row.getString("agency"), "derived-copy", row.getString("id"),
					Map.of("recording", row.getString("recording_id"), "kind", row.getString("kind")))));
	}
}
