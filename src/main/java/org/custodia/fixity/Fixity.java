package org.custodia.fixity;

import java.util.List;
import java.util.UUID;

import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.custodia.storage.StoredCopies;
import org.springframework.stereotype.Component;

/** What the pages and the API of the integrity checks ask: start a sweep, its findings, the open ones. */
@Component
public class Fixity {

	private final FixitySweeps sweeps;

	private final FixityRepository rows;

	private final StoredCopies copies;

	Fixity(FixitySweeps sweeps, FixityRepository rows, StoredCopies copies) {
		this.sweeps = sweeps;
		this.rows = rows;
		this.copies = copies;
	}

	/** A sweep with the findings the actor may see. */
	public record SweepReport(Sweep sweep, List<Finding> findings) {
	}

	/** Starts a whole sweep in the background (custodian, administrator); returns its id at once. */
	public UUID start(Actor actor) {
		return sweeps.start(actor);
	}

	public SweepReport sweep(Actor actor, UUID id) {
		FixitySweeps.requireMayRun(actor);
		Sweep sweep = rows.sweep(id).orElseThrow(() -> CustodiaException.notFound("error.fixity-sweep-not-found", id));
		List<Finding> findings = rows.ofSweep(id).stream()
			.filter(finding -> actor.isInstallationAdministrator() || finding.agency() == null
					|| actor.belongsTo(finding.agency()))
			.toList();
		return new SweepReport(sweep, findings);
	}

	public List<Sweep> recentSweeps(Actor actor, int limit) {
		FixitySweeps.requireMayRun(actor);
		return rows.recentSweeps(limit);
	}

	/** The findings still open, of the actor's agency (of all for the installation administrator). */
	public List<Finding> openFindings(Actor actor, int limit) {
		FixitySweeps.requireMayRun(actor);
		return rows.openFindings(actor.isInstallationAdministrator() ? null : actor.agency().orElse(null), limit);
	}

	public boolean hasSecondCopy() {
		return copies.hasSecondCopy();
	}

	public boolean repairs() {
		return sweeps.repairs();
	}
}
