package org.custodia.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.mock.env.MockEnvironment;

/**
 * What a kill cannot show: the disk is forced ({@code CHECKPOINT SYNC}) after a commit that wrote
 * and before it returns, so a power cut keeps it too; reads cost no sync.
 */
class DurableCommitsTests {

	private final List<String> calls = new ArrayList<>();

	private boolean autoCommit = true;

	@Test
	void forcesTheDiskAfterATransactionThatWroteAndBeforeTheCommitReturns() throws Exception {
		autoCommit = false;
		try (Connection connection = durable("jdbc:h2:file:./data/db/custodia;WRITE_DELAY=0").getConnection()) {
			connection.prepareStatement("/* no-ledger: test */ insert into t values (1)");
			connection.commit();
			calls.add("returned");
		}
		assertThat(calls).containsSubsequence("prepare insert", "commit", "execute CHECKPOINT SYNC", "returned");
	}

	@Test
	void forcesTheDiskWhenAWriteOutsideATransactionGivesItsConnectionBack() throws Exception {
		Connection connection = durable("jdbc:h2:file:/var/custodia/db/custodia").getConnection();
		connection.prepareStatement("update t set a = 1");
		connection.close();
		assertThat(calls).containsSubsequence("prepare update", "execute CHECKPOINT SYNC", "close");
	}

	@Test
	void readsAndRolledBackWritesCostNoSync() throws Exception {
		autoCommit = false;
		try (Connection connection = durable("jdbc:h2:file:./data/db/custodia").getConnection()) {
			connection.prepareStatement("select * from t");
			connection.commit();
			connection.prepareStatement("delete from t");
			connection.rollback();
			connection.commit();
		}
		assertThat(calls).doesNotContain("execute CHECKPOINT SYNC");
	}

	@Test
	void leavesDatabasesThatCommitDurablyByThemselvesAlone() {
		DataSource plain = fake();
		for (String url : List.of("jdbc:postgresql://127.0.0.1:5432/test", "jdbc:h2:mem:custodia-1", "jdbc:h2:tcp://host/db")) {
			DurableCommits commits = new DurableCommits();
			commits.setEnvironment(new MockEnvironment().withProperty("spring.datasource.url", url));
			assertThat(commits.postProcessAfterInitialization(plain, "dataSource")).as(url).isSameAs(plain);
		}
	}

	private DataSource durable(String url) {
		DurableCommits commits = new DurableCommits();
		commits.setEnvironment(new MockEnvironment().withProperty("spring.datasource.url", url));
		Object wrapped = commits.postProcessAfterInitialization(fake(), "dataSource");
		assertThat(wrapped).isInstanceOf(DurableCommits.Synced.class);
		return (DataSource) wrapped;
	}

	/** A data source whose connections write down what is done with them. */
	private DataSource fake() {
		return new AbstractDataSource() {
			@Override
			public Connection getConnection() {
				return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
						(proxy, method, args) -> switch (method.getName()) {
							case "prepareStatement" -> {
								calls.add("prepare " + ((String) args[0]).replaceFirst("^/\\*.*?\\*/ ", "").split(" ")[0]);
								yield Proxy.newProxyInstance(getClass().getClassLoader(),
										new Class<?>[] { PreparedStatement.class }, (p, m, a) -> null);
							}
							case "createStatement" -> Proxy.newProxyInstance(getClass().getClassLoader(),
									new Class<?>[] { Statement.class }, (p, m, a) -> {
										if (m.getName().equals("execute")) {
											calls.add("execute " + a[0]);
										}
										return m.getReturnType() == boolean.class ? false : null;
									});
							case "getAutoCommit" -> autoCommit;
							case "isClosed" -> false;
							default -> {
								calls.add(method.getName());
								yield null;
							}
						});
			}

			@Override
			public Connection getConnection(String username, String password) {
				return getConnection();
			}
		};
	}
}
