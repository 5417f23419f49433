package org.custodia.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AgencyRepository {

	private final JdbcClient jdbc;

	private final Clock clock;

	AgencyRepository(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	List<AgencyView> agencies() {
		return jdbc.sql("select code, name_zh, name_en from identity_agency order by code")
			.query((rs, row) -> new AgencyView(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en")))
			.list();
	}

	Optional<AgencyView> agency(String code) {
		return jdbc.sql("select code, name_zh, name_en from identity_agency where code = :code")
			.param("code", code)
			.query((rs, row) -> new AgencyView(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en")))
			.optional();
	}

	void insertAgency(String code, String nameZh, String nameEn) {
		jdbc.sql("insert into identity_agency (code, name_zh, name_en, created_at) values (:code, :zh, :en, :now)")
			.param("code", code)
			.param("zh", nameZh)
			.param("en", nameEn)
			.param("now", Timestamp.from(clock.instant()))
			.update();
	}

	List<UnitView> units(String agencyCode) {
		return jdbc.sql("select id, agency_code, name_zh, name_en, kind from identity_unit where agency_code = :agency order by name_zh")
			.param("agency", agencyCode)
			.query((rs, row) -> new UnitView(rs.getObject("id", UUID.class), rs.getString("agency_code"),
					rs.getString("name_zh"), rs.getString("name_en"), kind(rs.getString("kind"))))
			.list();
	}

	Optional<UnitView> unit(UUID id) {
		return jdbc.sql("select id, agency_code, name_zh, name_en, kind from identity_unit where id = :id")
			.param("id", id)
			.query((rs, row) -> new UnitView(rs.getObject("id", UUID.class), rs.getString("agency_code"),
					rs.getString("name_zh"), rs.getString("name_en"), kind(rs.getString("kind"))))
			.optional();
	}

	void insertUnit(UnitView unit) {
		jdbc.sql("""
				insert into identity_unit (id, agency_code, name_zh, name_en, kind, created_at)
				values (:id, :agency, :zh, :en, :kind, :now)""")
			.param("id", unit.id())
			.param("agency", unit.agency())
			.param("zh", unit.nameZh())
			.param("en", unit.nameEn())
			.param("kind", unit.kind().code())
			.param("now", Timestamp.from(clock.instant()))
			.update();
	}

	private static UnitKind kind(String code) {
		return UnitKind.fromCode(code).orElseThrow(() -> new IllegalStateException("unknown unit kind in the database: " + code));
	}
}
