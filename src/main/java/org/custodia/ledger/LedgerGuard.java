package org.custodia.ledger;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Enforces invariant 3: a transaction that changes any table must also append to the ledger, or it
 * does not commit. It watches the SQL the application sends; a statement that changes nothing worth
 * recording says so with a {@code /* no-ledger: reason *}{@code /} comment.
 */
@Component
class LedgerGuard implements BeanPostProcessor {

	static final String EXEMPT = "/* no-ledger:";

	private static final Pattern CHANGE = Pattern.compile("^\\s*(insert\\s+into|update|delete\\s+from|merge\\s+into)\\s+\"?([a-z_0-9]+)",
			Pattern.CASE_INSENSITIVE);

	/** What one transaction did so far. */
	static final class State implements TransactionSynchronization {

		private String changedTable;

		private boolean appended;

		private boolean rolledBackToSavepoint;

		@Override
		public void beforeCommit(boolean readOnly) {
			if (changedTable != null && !appended) {
				throw new UnrecordedChangeException(changedTable);
			}
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(State.class);
		}
	}

	/** A change that would commit without its ledger entry. */
	static final class UnrecordedChangeException extends IllegalStateException {

		UnrecordedChangeException(String table) {
			super("a transaction changed " + table + " but appended no ledger entry; it is rolled back "
					+ "(every state change writes a ledger entry in the same transaction)");
		}
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !(bean instanceof Guarded)) {
			return new Guarded(dataSource);
		}
		return bean;
	}

	static void appended() {
		state().ifPresent(state -> state.appended = true);
	}

	/** Whether this transaction rolled back to a savepoint (a nested transaction) so far. */
	static boolean rolledBackToSavepoint() {
		return state().map(state -> state.rolledBackToSavepoint).orElse(false);
	}

	static void observe(String sql) {
		if (sql == null || sql.contains(EXEMPT)) {
			return;
		}
		Matcher matcher = CHANGE.matcher(sql);
		if (!matcher.find()) {
			return;
		}
		String table = matcher.group(2).toLowerCase(Locale.ROOT);
		// Flyway's history and Spring Modulith's event publication registry are bookkeeping, not records: the
		// registry marks a publication done even when its listener changed nothing, and a listener that does
		// change something appends its own entry.
		if (table.startsWith("ledger_") || table.equals("flyway_schema_history") || table.startsWith("event_publication")) {
			return;
		}
		state().ifPresent(state -> {
			if (state.changedTable == null) {
				state.changedTable = table;
			}
		});
	}

	private static java.util.Optional<State> state() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return java.util.Optional.empty();
		}
		State state = (State) TransactionSynchronizationManager.getResource(State.class);
		if (state == null) {
			state = new State();
			TransactionSynchronizationManager.bindResource(State.class, state);
			TransactionSynchronizationManager.registerSynchronization(state);
		}
		return java.util.Optional.of(state);
	}

	/** The application's data source, watching the statements its connections prepare. */
	static final class Guarded extends DelegatingDataSource {

		Guarded(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return watch(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return watch(super.getConnection(username, password));
		}

		private static Connection watch(Connection connection) {
			InvocationHandler handler = (proxy, method, args) -> {
				if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql) {
					observe(sql);
				}
				else if (method.getName().equals("rollback") && args != null && args.length == 1) {
					state().ifPresent(state -> state.rolledBackToSavepoint = true);
				}
				try {
					return method.invoke(connection, args);
				}
				catch (InvocationTargetException e) {
					throw e.getCause();
				}
			};
			return (Connection) Proxy.newProxyInstance(LedgerGuard.class.getClassLoader(),
					new Class<?>[] { Connection.class }, handler);
		}
	}
}
