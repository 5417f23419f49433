package org.custodia.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import org.custodia.CustodiaApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two servers on one PostgreSQL database run each job once: a job's runs never overlap although both servers have
 * it, and every job of the application has one row in {@code scheduled_tasks}, not one per server.
 */
class ClusterJobsTests {

	record Run(String server, Instant started, Instant ended) {
	}

	static final List<Run> runs = new CopyOnWriteArrayList<>();

	@Configuration(proxyBeanMethods = false)
	static class Probe {

		@Bean
		RecurringTask<Void> probeJob(@Value("${db-scheduler.scheduler-name}") String server) {
			return ClusterJobs.every("probe", Duration.ofMillis(100), () -> {
				Instant started = Instant.now();
				try {
					// long enough that two servers running it at once would overlap
					Thread.sleep(300);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
				runs.add(new Run(server, started, Instant.now()));
			});
		}
	}

	@Test
	void twoServersRunEachJobOnce() throws Exception {
		String url = TestDatabases.postgresUrl();
		try (ConfigurableApplicationContext first = server("server-a", url);
				ConfigurableApplicationContext second = server("server-b", url)) {
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (System.nanoTime() < deadline
					&& (runs.size() < 12 || runs.stream().map(Run::server).distinct().count() < 2)) {
				Thread.sleep(100);
			}
			List<Run> sorted = new ArrayList<>(runs);
			sorted.sort(Comparator.comparing(Run::started));
			assertThat(sorted).hasSizeGreaterThanOrEqualTo(12);
			assertThat(sorted).extracting(Run::server).contains("server-a", "server-b");
			for (int i = 1; i < sorted.size(); i++) {
				assertThat(sorted.get(i).started()).as("run %d began before run %d ended", i, i - 1)
					.isAfterOrEqualTo(sorted.get(i - 1).ended());
			}
			JdbcClient jdbc = JdbcClient.create(first.getBean(javax.sql.DataSource.class));
			assertThat(jdbc.sql("select task_name from scheduled_tasks").query(String.class).list())
				.containsOnlyOnce("probe", "ledger-checkpoint", "access-expiry", "failed-event-redelivery", "sm3-backfill",
						"collection-reminders");
		}
	}

	private static ConfigurableApplicationContext server(String name, String url) {
		return new SpringApplicationBuilder(CustodiaApplication.class, Probe.class).web(WebApplicationType.NONE)
			.run("--custodia.data-dir=" + TestDatabases.newDataDirectory(), "--spring.datasource.url=" + url,
					"--spring.datasource.username=" + TestDatabases.POSTGRES_USER, "--spring.datasource.password=",
					"--CUSTODIA_BOOTSTRAP_ADMIN_PASSWORD=" + CustodiaIntegrationTest.ADMIN_PASSWORD,
					"--db-scheduler.scheduler-name=" + name, "--db-scheduler.polling-interval=PT0.1S",
					"--custodia.media.work-schedule=false", "--spring.main.banner-mode=off");
	}
}
