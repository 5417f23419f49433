package org.custodia.ledger.h2;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/** H2's stand-in for the PostgreSQL trigger: refuses every UPDATE and DELETE on ledger tables. */
public class AppendOnlyTrigger implements Trigger {

	private String table;

	@Override
	public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
			int type) {
		this.table = tableName;
	}

	@Override
	public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
		throw new SQLException("ledger table " + table + " is append-only: UPDATE and DELETE are refused", "42501");
	}
}
