package org.custodia.shared;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job on the shared database that runs once across servers: a db-scheduler task, whose due execution is a row in
 * {@code scheduled_tasks} that one server picks (and others leave); a server that dies while holding it gives it back
 * when its heartbeat stops. Declared as a bean, the task is registered by the starter. Jobs of one server's own
 * memory or files (open viewing sessions, unfinished uploads) stay with Spring's scheduling.
 */
public final class ClusterJobs {

	private static final Logger log = LoggerFactory.getLogger(ClusterJobs.class);

	private ClusterJobs() {
	}

	/**
	 * Runs {@code job} every {@code interval} after its previous run ended, the first one interval after the job is
	 * first scheduled (not at once as a server starts, when the work it would do has just been done: a checkpoint at
	 * shutdown, removals finished at start); a failure is logged and the job runs again at its next time, as a
	 * schedule that must not stop over one bad run should.
	 */
	public static RecurringTask<Void> every(String name, Duration interval, Runnable job) {
		return every(name, interval, interval, job);
	}

	/** As {@link #every(String, Duration, Runnable)}, the first run {@code firstAfter} the job is first scheduled. */
	public static RecurringTask<Void> every(String name, Duration firstAfter, Duration interval, Runnable job) {
		return Tasks.recurring(name, new AfterAnInterval(firstAfter, interval)).execute((instance, context) -> {
			try {
				job.run();
			}
			catch (RuntimeException e) {
				log.error("The job {} failed; it runs again in {}", name, interval, e);
			}
		});
	}

	/** Every {@code interval} after the previous run ended, the first {@code firstAfter} the job is scheduled. */
	record AfterAnInterval(Duration firstAfter, Duration interval) implements Schedule, java.io.Serializable {

		@Override
		public java.time.Instant getNextExecutionTime(ExecutionComplete complete) {
			return complete.getTimeDone().plus(interval);
		}

		@Override
		public java.time.Instant getInitialExecutionTime(java.time.Instant now) {
			return now.plus(firstAfter);
		}

		@Override
		public boolean isDeterministic() {
			return false;
		}
	}
}
