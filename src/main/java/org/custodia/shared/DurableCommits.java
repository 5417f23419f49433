package org.custodia.shared;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Makes a commit to the embedded H2 database durable before the commit returns. H2 writes a commit
 * to its file only after its write delay, and never forces it to the disk: a process killed or a
 * power cut just after a commit lost what had been committed (the URL's {@code WRITE_DELAY=0}
 * writes at once; this forces the write to the disk). A transaction that wrote is followed by
 * {@code CHECKPOINT SYNC} on its connection; a write outside a transaction is synced when its
 * connection is given back. PostgreSQL commits durably by itself and is left alone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DurableCommits implements BeanPostProcessor, EnvironmentAware {

	private static final Pattern WRITE = Pattern.compile(
			"^\\s*(/\\*.*?\\*/\\s*)*(insert|update|delete|merge|create|alter|drop|truncate)\\b",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private String url = "";

	@Override
	public void setEnvironment(Environment environment) {
		url = environment.getProperty("spring.datasource.url", "");
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !(bean instanceof Synced) && isEmbeddedFile(url)) {
			return new Synced(dataSource);
		}
		return bean;
	}

	static boolean isEmbeddedFile(String url) {
		String lower = url.toLowerCase(Locale.ROOT);
		return lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:mem:") && !lower.startsWith("jdbc:h2:tcp:")
				&& !lower.startsWith("jdbc:h2:ssl:");
	}

	static boolean writes(String sql) {
		return sql != null && WRITE.matcher(sql).find();
	}

	/** A data source whose connections force what they commit to the disk. */
	static final class Synced extends DelegatingDataSource {

		Synced(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return synced(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return synced(super.getConnection(username, password));
		}

		static Connection synced(Connection connection) {
			boolean[] unsynced = { false };
			InvocationHandler handler = (proxy, method, args) -> {
				switch (method.getName()) {
					case "prepareStatement", "prepareCall" -> unsynced[0] |= args != null && args[0] instanceof String sql
							&& writes(sql);
					// a plain statement's SQL comes later: assume it writes
					case "createStatement" -> unsynced[0] = true;
					case "rollback" -> {
						if (args == null || args.length == 0) {
							unsynced[0] = false;
						}
					}
					case "commit" -> {
						invoke(connection, method, args);
						sync(connection, unsynced);
						return null;
					}
					case "close" -> {
						if (!connection.isClosed() && connection.getAutoCommit()) {
							sync(connection, unsynced);
						}
					}
					default -> {
					}
				}
				return invoke(connection, method, args);
			};
			return (Connection) Proxy.newProxyInstance(DurableCommits.class.getClassLoader(),
					new Class<?>[] { Connection.class }, handler);
		}

		private static void sync(Connection connection, boolean[] unsynced) throws SQLException {
			if (!unsynced[0]) {
				return;
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("CHECKPOINT SYNC");
			}
			unsynced[0] = false;
		}

		private static Object invoke(Connection connection, java.lang.reflect.Method method, Object[] args)
				throws Throwable {
			try {
				return method.invoke(connection, args);
			}
			catch (InvocationTargetException e) {
				throw e.getCause();
			}
		}
	}
}
