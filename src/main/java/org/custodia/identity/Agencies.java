package org.custodia.identity;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEvent;
import org.custodia.policy.AgencyPolicy;
import org.custodia.policy.Action;
import org.custodia.policy.Policies;
import org.custodia.policy.PolicyDecisions;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The agencies (tenants) of this installation and their units. Each user sees only their own agency. */
@Component
public class Agencies {

	private final AgencyRepository repository;

	private final Policies policies;

	private final PolicyDecisions decisions;

	private final Ledger ledger;

	Agencies(AgencyRepository repository, Policies policies, PolicyDecisions decisions, Ledger ledger) {
		this.repository = repository;
		this.policies = policies;
		this.decisions = decisions;
		this.ledger = ledger;
	}

	/** The agencies the actor may see: all for the installation administrator, else the actor's own. */
	@Transactional(readOnly = true)
	public List<AgencyView> visibleTo(Actor actor) {
		return repository.agencies().stream().filter(agency -> actor.belongsTo(agency.code())).toList();
	}

	@Transactional(readOnly = true)
	public AgencyView get(Actor actor, String code) {
		requireVisible(actor, code);
		return repository.agency(code).orElseThrow(() -> CustodiaException.notFound("error.agency-not-found", code));
	}

	@Transactional(readOnly = true)
	public List<UnitView> units(Actor actor, String agencyCode) {
		requireVisible(actor, agencyCode);
		return repository.units(agencyCode);
	}

	@Transactional
	public UnitView createUnit(Actor actor, String agencyCode, String nameZh, String nameEn, String kind) {
		decisions.decide(actor, Action.MANAGE_USERS, agencyCode).orThrow();
		if (nameZh == null || nameZh.isBlank()) {
			throw CustodiaException.badRequest("error.field-required", "nameZh");
		}
		if (repository.units(agencyCode).stream().anyMatch(unit -> unit.nameZh().equals(nameZh.strip()))) {
			throw CustodiaException.conflict("error.unit-exists", nameZh);
		}
		UnitKind unitKind = kind == null ? UnitKind.SECTION
				: UnitKind.fromCode(kind).orElseThrow(() -> CustodiaException.badRequest("error.unit-kind-unknown", kind));
		UnitView unit = new UnitView(UUID.randomUUID(), agencyCode, nameZh.strip(),
				nameEn == null || nameEn.isBlank() ? nameZh.strip() : nameEn.strip(), unitKind);
		repository.insertUnit(unit);
		ledger.append(LedgerEvent.by(actor, agencyCode, "unit.created", "unit", unit.id().toString(),
				Map.of("name", unit.nameZh(), "kind", unit.kind().code())));
		return unit;
	}

	/** Throws 403 (tenant isolation) unless the actor may see the agency, 404 if it does not exist. */
	public void requireVisible(Actor actor, String agencyCode) {
		decisions.decide(actor, Action.SEE_AGENCY, agencyCode).orThrow();
	}

	/** Creates every agency that has a policy but no row yet, with the policy's initial units. */
	@Transactional
	void ensureAgenciesFromPolicies() {
		for (AgencyPolicy policy : policies.all()) {
			if (repository.agency(policy.code()).isPresent()) {
				continue;
			}
			repository.insertAgency(policy.code(), policy.agency().name().zh(), policy.agency().name().en());
			ledger.append(LedgerEvent.bySystem("bootstrap", policy.code(), "agency.created", "agency", policy.code(),
					Map.of("name", policy.agency().name().zh(), "seed", policy.agency().seed())));
			for (AgencyPolicy.Unit unit : policy.units()) {
				UnitView created = new UnitView(UUID.randomUUID(), policy.code(), unit.name().zh(), unit.name().en(),
						UnitKind.fromCode(unit.kind()).orElseThrow());
				repository.insertUnit(created);
				ledger.append(LedgerEvent.bySystem("bootstrap", policy.code(), "unit.created", "unit",
						created.id().toString(), Map.of("name", unit.name().zh(), "kind", unit.kind(), "cite", unit.cite())));
			}
		}
	}
}
