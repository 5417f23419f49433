package org.custodia.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.custodia.identity.UserView;
import org.custodia.identity.Users;
import org.custodia.shared.Actor;
import org.springframework.stereotype.Component;

/**
 * The agency's latest imports for the import page, from what is kept in memory: the page's own jobs
 * (folder and browser uploads) and the dock's automatic imports. The ledger stays the record of what
 * was stored; this is what the custodian looks at to see whether the last imports went in.
 */
@Component
public class RecentImports {

	/** How many the page lists. */
	static final int SHOWN = 10;

	/**
	 * One import: {@code startedBy} is the person's name, or null for the dock; {@code alreadyImported} is null
	 * where it is not counted (the dock); {@code jobId} names a job whose outcomes the page can show.
	 */
	public record RecentImport(Instant at, String device, ImportJobs.Kind kind, String startedBy, boolean running,
			int stored, Integer alreadyImported, int duplicates, int failed, UUID jobId) {

		public boolean byDock() {
			return kind == null;
		}
	}

	private final ImportJobs jobs;

	private final DockActivity dock;

	private final Users users;

	RecentImports(ImportJobs jobs, DockActivity dock, Users users) {
		this.jobs = jobs;
		this.dock = dock;
		this.users = users;
	}

	/** Newest first, the agency's only (the dock's volumes of no known device are on the dock page). */
	List<RecentImport> of(Actor actor, String agency) {
		List<RecentImport> recent = new ArrayList<>();
		for (ImportJobs.Job job : jobs.recent(actor, agency)) {
			recent.add(new RecentImport(job.startedAt(), job.device(), job.kind(), nameOf(job.startedBy()),
					job.state() == ImportJobs.State.RUNNING, count(job, ImportResult.STORED),
					count(job, ImportResult.ALREADY_IMPORTED), count(job, ImportResult.DUPLICATE),
					count(job, ImportResult.FAILED), job.id()));
		}
		for (DockActivity.DockEvent event : dock.visibleTo(actor)) {
			if (agency.equals(event.agency()) && event.device() != null) {
				recent.add(new RecentImport(event.at(), event.device(), null, null,
						event.state() == DockActivity.State.IMPORTING, event.stored(), null, event.duplicate(),
						event.failed(), null));
			}
		}
		return recent.stream().sorted(Comparator.comparing(RecentImport::at).reversed()).limit(SHOWN).toList();
	}

	private String nameOf(String username) {
		return users.findForSystem(username).map(UserView::displayName).orElse(username);
	}

	private static int count(ImportJobs.Job job, ImportResult result) {
		return (int) job.outcomes().stream().filter(outcome -> outcome.result() == result).count();
	}
}
