package org.custodia.access;

import java.util.Map;
import java.util.function.Consumer;

import org.custodia.shared.KeptBlobs;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The documents of access requests (letters, authorizations) in the store, for the integrity sweep. */
@Component
class AccessDocumentBlobs implements KeptBlobs {

	private final JdbcClient jdbc;

	AccessDocumentBlobs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void forEachKept(Consumer<Kept> kept) {
		jdbc.sql("""
				select d.id, d.request_id, d.store_key, d.sha256, d.original_name, r.agency_code
				from access_request_document d join access_request r on r.id = d.request_id""")
			.query((RowCallbackHandler) row -> kept.accept(new Kept(row.getString("store_key"), row.getString("sha256"), null,
					row.getString("agency_code"), "access-document", row.getString("id"),
					Map.of("accessRequest", row.getString("request_id"), "originalName", row.getString("original_name")))));
	}
}
