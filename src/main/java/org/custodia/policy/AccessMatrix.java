package org.custodia.policy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.custodia.shared.Role;
import org.springframework.stereotype.Component;

/**
 * Who may watch, copy, print or publicly use a recording, by the kind of person asking rather than by his
 * roles (ACC-1…9): the agency's {@code access} section read as answers. A use the section lists with approver
 * {@code none} is allowed once the register's keeper has checked the documents (001-access art. 6) or, for the
 * case handler, at once (001-access art. 4); a use with an approver needs that approver; a use it does not list
 * is refused.
 */
@Component
public class AccessMatrix {

	/** Who asks (ACC-2…6). */
	public enum Requester {

		CASE_HANDLER, OTHER_STAFF, JUDICIAL_AND_SUPERVISORY, PARTY_OR_LAWYER, OTHER_ENFORCEMENT_BODY;

		/** The name in policy files and the API: {@code case-handler}. */
		public String code() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

		/** Staff of the agency ask for themselves and log in; the others never do (staff enter their requests). */
		public boolean staff() {
			return this == CASE_HANDLER || this == OTHER_STAFF;
		}

		public static Optional<Requester> fromCode(String code) {
			return Arrays.stream(values()).filter(kind -> kind.code().equals(code) || kind.name().equals(code)).findFirst();
		}
	}

	/** What is asked for. */
	public enum Use {

		WATCH, COPY, PRINT, PUBLIC_USE;

		public String code() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

		public static Optional<Use> fromCode(String code) {
			return Arrays.stream(values()).filter(use -> use.code().equals(code) || use.name().equals(code)).findFirst();
		}
	}

	/** The documents a lawyer brings besides the party's (001-access art. 7). */
	static final Set<String> LAWYERS_DOCUMENTS = Set.of("power-of-attorney", "authorisation", "practising-licence");

	static final String ALLOWED = "access-allowed";

	static final String NEEDS_APPROVAL = "access-needs-approval";

	/**
	 * The answer for one requester and use.
	 *
	 * @param decision allowed (nobody approves), needs approval (by whom) or refused, with the article
	 * @param onSiteOnly the use happens in the archive only (001-access arts. 4 and 8: 不得带离档案室, 派人阅卷)
	 * @param reasonRequired the request must say why
	 * @param documents what the requester brings, checked by the register's keeper
	 */
	public record Answer(Decision decision, boolean onSiteOnly, boolean reasonRequired, List<String> documents) {

		public boolean refused() {
			return decision.outcome() == Decision.Outcome.REFUSED;
		}

		public List<Role> approvers() {
			return decision.approvers();
		}
	}

	private final Policies policies;

	AccessMatrix(Policies policies) {
		this.policies = policies;
	}

	/**
	 * The agency's answer for this requester and use. A printed still is a copy (ACC-4: 复印、拷贝), so print falls
	 * back to the copy rule where the section names no print; an outside body's copy is the copies sent to it
	 * (001-access art. 8: 复印寄送).
	 */
	public Answer answer(String agency, Requester requester, Use use, boolean lawyer) {
		AccessRules access = policies.of(agency).access();
		Optional<AccessRules.Requester> listed = access.requesters().stream()
			.filter(candidate -> candidate.kind().equals(requester.code()))
			.findFirst();
		List<String> documents = listed.map(found -> found.documents().stream()
			.filter(document -> lawyer || !LAWYERS_DOCUMENTS.contains(document))
			.toList()).orElse(List.of());
		boolean reasonRequired = listed.map(AccessRules.Requester::reasonRequired).orElse(true);
		if (use == Use.PUBLIC_USE) {
			AccessRules.PublicUse rule = access.publicUse();
			List<Role> approvers = rule.approvers().stream().filter(code -> !PermissionRules.NONE.equals(code))
				.flatMap(code -> PermissionRules.approvers(code).stream()).distinct().toList();
			Decision decision = approvers.isEmpty() ? Decision.allowed(ALLOWED, rule.cite(), rule.assumed())
					: Decision.needsApproval(approvers, NEEDS_APPROVAL, rule.cite(), rule.assumed());
			return new Answer(decision, false, true, documents);
		}
		Optional<AccessRules.Use> found = listed.flatMap(candidate -> useOf(candidate, use));
		if (found.isEmpty()) {
			// refused under the article that says what this requester may do, which leaves this use out
			String cite = listed.flatMap(candidate -> candidate.uses().stream().findFirst()).map(AccessRules.Use::cite)
				.orElse(access.originalsImmutable().cite());
			return new Answer(Decision.refused(PermissionRules.NOT_PROVIDED_FOR, cite), false, reasonRequired, documents);
		}
		AccessRules.Use rule = found.get();
		List<Role> approvers = PermissionRules.approvers(rule.approver());
		Decision decision = approvers.isEmpty() ? Decision.allowed(ALLOWED, rule.cite(), rule.assumed())
				: Decision.needsApproval(approvers, NEEDS_APPROVAL, rule.cite(), rule.assumed());
		return new Answer(decision, rule.onSiteOnly(), reasonRequired, documents);
	}

	private static Optional<AccessRules.Use> useOf(AccessRules.Requester requester, Use use) {
		List<String> names = switch (use) {
			case WATCH -> List.of("view");
			case COPY -> List.of("copy", "send-copies");
			case PRINT -> List.of("print", "copy", "send-copies");
			case PUBLIC_USE -> List.of();
		};
		for (String name : names) {
			Optional<AccessRules.Use> found = requester.uses().stream().filter(candidate -> candidate.use().equals(name))
				.findFirst();
			if (found.isPresent()) {
				return found;
			}
		}
		return Optional.empty();
	}

	/** The role that keeps the register (保管人): enters outsiders' requests and checks their documents. */
	public Role registerKeeper(String agency) {
		return Role.fromCode(policies.of(agency).access().register().keptBy());
	}

	/** The article that asks for the register. */
	public String registerCite(String agency) {
		return policies.of(agency).access().register().cite();
	}

	/** How long an approval lasts unless the approver sets its end, with the rule that says so. */
	public Duration grantValidity(String agency) {
		return Duration.ofDays(policies.of(agency).access().grants().days());
	}

	public String grantValidityCite(String agency) {
		return policies.of(agency).access().grants().cite();
	}

	/** Whether a recording marked secret stays out of public use (000 art. 17: 依法应保密的除外). */
	public boolean publicUseExceptSecret(String agency) {
		return policies.of(agency).access().publicUse().exceptSecret();
	}

	/** The secrecy article (ACC-9). */
	public String secrecyCite(String agency) {
		return policies.of(agency).access().secrecy().cite();
	}

	/** The requesters the agency's rules name, with their labels in the reader's language. */
	public List<AccessRules.Requester> requesters(String agency) {
		return policies.of(agency).access().requesters();
	}
}
