package org.custodia.ingest;

import java.util.List;

import org.custodia.device.Device;
import org.custodia.device.DeviceRegister;
import org.custodia.identity.UserView;
import org.custodia.identity.Users;
import org.custodia.policy.Action;
import org.custodia.policy.PolicyDecisions;
import org.custodia.shared.Actor;
import org.springframework.stereotype.Component;

/**
 * The custodian's import page: the agency's devices and officers to name, how large an upload may be, and the
 * agency's latest imports.
 */
@Component
public class ImportsPage {

	/** {@code maxUpload}: the largest file a browser may upload, in bytes; {@code recent}: the latest imports. */
	public record View(List<Device> devices, List<UserView> officers, long maxUpload,
			List<RecentImports.RecentImport> recent) {
	}

	private final DeviceRegister register;

	private final Users users;

	private final PolicyDecisions decisions;

	private final RecentImports recent;

	ImportsPage(DeviceRegister register, Users users, PolicyDecisions decisions, RecentImports recent) {
		this.recent = recent;
		this.register = register;
		this.users = users;
		this.decisions = decisions;
	}

	/** Only for those who may import for their agency (REC-1). */
	public View view(Actor actor) {
		String agency = actor.agencyOf(null);
		decisions.decide(actor, Action.IMPORT, agency).orThrow();
		return new View(register.list(actor, agency, null), users.officersOf(actor, agency), BrowserUploads.MAX_SIZE,
				recent.of(actor, agency));
	}
}
