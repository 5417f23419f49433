package org.custodia.policy;

import java.util.Optional;

import org.custodia.shared.Actor;
import org.custodia.shared.Role;
import org.springframework.stereotype.Component;

/**
 * Decides whether a user may do an action on a record of an agency and who must approve, from the
 * agency's policy. Later modules decide only through here, so every decision carries its rule.
 */
@Component
public class PolicyDecisions {

	public static final String TENANT_ISOLATION = "custodia: tenant isolation (each agency sees only its own records)";

	public static final String SEPARATION_OF_DUTIES = "custodia: separation of duties (the administrator manages accounts, sees no footage and deletes nothing)";

	public static final String INTERIM_PLAYBACK = "custodia: until access requests (调阅) are built, the recording officer (001-access art. 4), "
			+ "the head of the officer's unit (000 art. 20) and the legal department head (000 art. 22) may play back a recording";

	public static final String ACTIVITY_REGISTER = "custodia: the officers, their unit heads and the custodians keep the register of enforcement activities (CMP-1)";

	public static final String STATEMENT_REVIEW = "custodia: the unit head (000 art. 20), the legal department (000 art. 22) and supervisors check recordings";

	private final Policies policies;

	private final RetentionPeriods retention;

	PolicyDecisions(Policies policies, RetentionPeriods retention) {
		this.policies = policies;
		this.retention = retention;
	}

	/**
	 * Decides for a record (or the users and settings) of the given agency. The administrator is
	 * refused footage before any agency is looked at; an unknown agency is a 404.
	 */
	public Decision decide(Actor actor, Action action, String agencyCode) {
		if (action.touchesFootage() && actor.has(Role.ADMINISTRATOR)) {
			return Decision.refused("administrator-no-footage", SEPARATION_OF_DUTIES);
		}
		AgencyPolicy policy = policies.of(agencyCode);
		if (!actor.belongsTo(agencyCode)) {
			return Decision.refused("tenant-isolation", TENANT_ISOLATION);
		}
		return switch (action) {
			case MANAGE_USERS -> actor.has(Role.ADMINISTRATOR)
					? Decision.allowed("administration", SEPARATION_OF_DUTIES, false)
					: Decision.refused("administration-only", SEPARATION_OF_DUTIES);
			case SEE_AGENCY -> Decision.allowed("same-agency", TENANT_ISOLATION, false);
			case MANAGE_DEVICES -> actor.has(Role.ADMINISTRATOR) || actor.has(Role.CUSTODIAN)
					? Decision.allowed("device-register", policy.devices().responsibility().cite(), false)
					: Decision.refused("device-register-by-custodian", policy.devices().responsibility().cite());
			case HANDLE_CUSTODY -> actor.has(Role.CUSTODIAN)
					? Decision.allowed("custody-by-custodian", policy.devices().dailyCollection().cite(), false)
					: Decision.refused("custody-by-custodian", policy.devices().dailyCollection().cite());
			case SEE_RECORDINGS -> Decision.allowed("recording-register", policy.ingest().storeLayout().cite(), false);
			case IMPORT -> actor.has(Role.CUSTODIAN)
					? Decision.allowed("import-by-custodian", policy.ingest().cite(), false)
					: Decision.refused("import-by-custodian", policy.ingest().cite());
			case REPORT_FAULT -> actor.has(Role.CUSTODIAN) || actor.has(Role.OFFICER) || actor.has(Role.ADMINISTRATOR)
					? Decision.allowed("fault-report", policy.devices().repairRoute().cite(), false)
					: Decision.refused("fault-report", policy.devices().repairRoute().cite());
			case MODIFY_ORIGINAL -> Decision.refused("originals-immutable", policy.access().originalsImmutable().cite());
			case VIEW_OWN_CASE -> use(actor, policy, "case-handler", "view");
			case VIEW -> use(actor, policy, "other-staff", "view");
			case COPY -> use(actor, policy, "case-handler", "copy");
			case PUBLIC_USE -> publicUse(actor, policy);
			case DISPOSE -> dispose(actor, policy);
			case SEE_ACTIVITIES -> Decision.allowed("same-agency", TENANT_ISOLATION, false);
			case RECORD_ACTIVITIES -> actor.has(Role.OFFICER) || actor.has(Role.UNIT_HEAD) || actor.has(Role.CUSTODIAN)
					? Decision.allowed("activity-register", ACTIVITY_REGISTER, true)
					: Decision.refused("activity-register", ACTIVITY_REGISTER);
			case REVIEW_WORK_RECORD -> actor.has(Role.fromCode(policy.recording().mayStop().workRecord().reviewer()))
					? Decision.allowed("work-record-reviewer", policy.recording().mayStop().workRecord().cite(), false)
					: Decision.refused("work-record-reviewer", policy.recording().mayStop().workRecord().cite());
			case FILE_WORK_RECORD -> actor.has(Role.CUSTODIAN)
					? Decision.allowed("work-record-filing", policy.recording().mayStop().workRecord().cite(), false)
					: Decision.refused("work-record-filing", policy.recording().mayStop().workRecord().cite());
			case REVIEW_STATEMENTS -> actor.has(Role.UNIT_HEAD) || actor.has(Role.LEGAL_HEAD) || actor.has(Role.SUPERVISOR)
					? Decision.allowed("statement-review", STATEMENT_REVIEW, true)
					: Decision.refused("statement-review", STATEMENT_REVIEW);
			case MARK_LONG_TERM -> actor.has(Role.OFFICER) || actor.has(Role.UNIT_HEAD) || actor.has(Role.LEGAL_HEAD)
					|| actor.has(Role.CUSTODIAN)
					? Decision.allowed("long-term-mark", policy.retention().cite(), true)
					: Decision.refused("long-term-mark", policy.retention().cite());
		};
	}

	/**
	 * Whether a user may play back a recording: until access requests (调阅) are built, the officer who
	 * recorded it, the head of that officer's unit and the agency's legal head; nobody else, the
	 * administrator never.
	 */
	public Decision decidePlayback(Actor actor, String agencyCode, boolean recordedByActor, boolean headOfRecordingUnit) {
		if (actor.has(Role.ADMINISTRATOR)) {
			return Decision.refused("administrator-no-footage", SEPARATION_OF_DUTIES);
		}
		policies.of(agencyCode);
		if (!actor.belongsTo(agencyCode)) {
			return Decision.refused("tenant-isolation", TENANT_ISOLATION);
		}
		if (recordedByActor) {
			return Decision.allowed("playback-own-recording", INTERIM_PLAYBACK, false);
		}
		if (headOfRecordingUnit && actor.has(Role.UNIT_HEAD)) {
			return Decision.allowed("playback-unit-head", INTERIM_PLAYBACK, false);
		}
		if (actor.has(Role.LEGAL_HEAD)) {
			return Decision.allowed("playback-legal-head", INTERIM_PLAYBACK, false);
		}
		return Decision.refused("playback-interim", INTERIM_PLAYBACK);
	}

	private Decision use(Actor actor, AgencyPolicy policy, String requesterKind, String use) {
		Optional<AccessRules.Use> rule = policy.access().requesters().stream()
			.filter(requester -> requester.kind().equals(requesterKind))
			.flatMap(requester -> requester.uses().stream())
			.filter(candidate -> candidate.use().equals(use))
			.findFirst();
		if (rule.isEmpty()) {
			return Decision.refused("not-provided-for", policy.access().originalsImmutable().cite());
		}
		String ruleName = requesterKind + "-" + use;
		return approval(actor, rule.get().approver(), ruleName, rule.get().cite(), rule.get().assumed());
	}

	private Decision publicUse(Actor actor, AgencyPolicy policy) {
		AccessRules.PublicUse rule = policy.access().publicUse();
		for (String approver : rule.approvers()) {
			if (actor.has(Role.fromCode(approver))) {
				return Decision.allowed("public-use", rule.cite(), rule.assumed());
			}
		}
		return Decision.needsApproval(Role.fromCode(rule.approvers().get(0)), "public-use", rule.cite(), rule.assumed());
	}

	private Decision dispose(Actor actor, AgencyPolicy policy) {
		RetentionPeriods.Effective period = retention.effective(policy.code());
		if (period.months().isEmpty()) {
			return Decision.refused("retention-not-set", period.cite());
		}
		if (!actor.has(Role.CUSTODIAN)) {
			return Decision.refused("disposal-by-custodian", policy.retention().disposal().cite());
		}
		return approval(actor, "legal-head", "disposal", policy.retention().disposal().cite(), true);
	}

	private static Decision approval(Actor actor, String approver, String rule, String cite, boolean assumed) {
		if ("none".equals(approver) || actor.has(Role.fromCode(approver))) {
			return Decision.allowed(rule, cite, assumed);
		}
		return Decision.needsApproval(Role.fromCode(approver), rule, cite, assumed);
	}
}
