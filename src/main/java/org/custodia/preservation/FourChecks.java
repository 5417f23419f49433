package org.custodia.preservation;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.custodia.activity.CaseHandlers;
import org.custodia.policy.Action;
import org.custodia.policy.Policies;
import org.custodia.policy.PolicyDecisions;
import org.custodia.recording.Recording;
import org.custodia.recording.RecordingRegister;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.springframework.stereotype.Component;

/**
 * 四性检测 for one recording, a case (all its recordings) or an agency's whole store, by those the agency's policy
 * lets run it ({@code check-four-properties}). Another agency's recording or case is not found. The store is checked
 * one recording at a time, a page of the register after another, so that no size of store is held at once.
 */
@Component
public class FourChecks {

	/** What a report covers. Evidence packages come with their module. */
	public enum Scope {
		RECORDING, CASE, STORE
	}

	/**
	 * A report, its checks worded in the reader's language.
	 *
	 * @param subject the recording's file name, the case's number or the agency's name
	 * @param recordings every recording checked; for the store only those that did not pass, at most as many as asked
	 */
	public record Report(Scope scope, String agency, String agencyName, UUID subjectId, String subject, Instant checkedAt,
			ZoneId zone, List<RecordingCheck> recordings, FourCheckSummary summary) {
	}

	static final int PAGE = 100;

	private final RecordingChecks checks;

	private final RecordingRegister register;

	private final CaseHandlers cases;

	private final PolicyDecisions decisions;

	private final Policies policies;

	private final Wording wording;

	private final Clock clock;

	FourChecks(RecordingChecks checks, RecordingRegister register, CaseHandlers cases, PolicyDecisions decisions,
			Policies policies, Wording wording, Clock clock) {
		this.checks = checks;
		this.register = register;
		this.cases = cases;
		this.decisions = decisions;
		this.policies = policies;
		this.wording = wording;
		this.clock = clock;
	}

	/** One recording the actor may see. */
	public Report recording(Actor actor, UUID id, Locale locale) {
		Recording recording = register.visibleTo(actor, id);
		decisions.decide(actor, Action.CHECK_FOUR_PROPERTIES, recording.agency()).orThrow();
		if (recording.disposed()) {
			// an approved disposal removed its file: its tombstone and the disposal list are what remains to show
			throw new CustodiaException(org.springframework.http.HttpStatus.GONE, "error.recording-disposed", null,
					java.util.Map.of(), id);
		}
		return recording(recording, locale);
	}

	/** Every recording of a case of the actor's agency (or the one named, for the installation's administrator). */
	public Report ofCase(Actor actor, UUID caseId, String agency, Locale locale) {
		String code = agency == null && actor.agency().isEmpty() ? agencyOfCase(caseId) : actor.agencyOf(agency);
		if (!actor.belongsTo(code) || cases.caseNumber(code, caseId).isEmpty()) {
			throw CustodiaException.notFound("error.case-not-found", caseId);
		}
		decisions.decide(actor, Action.CHECK_FOUR_PROPERTIES, code).orThrow();
		return ofCase(code, caseId, locale);
	}

	/** The whole store of the agency, each recording handed to {@code each} as it is checked; returns the counts. */
	public FourCheckSummary store(Actor actor, String agency, Locale locale, Consumer<RecordingCheck> each) {
		return store(storeOf(actor, agency), locale, each);
	}

	/** The whole store as a report that keeps, of its recordings, the first {@code keep} that did not pass. */
	public Report store(Actor actor, String agency, Locale locale, int keep) {
		String code = actor.agencyOf(agency);
		Instant started = clock.instant();
		List<RecordingCheck> kept = new ArrayList<>();
		FourCheckSummary summary = store(actor, code, locale, check -> {
			if (check.result() != FourCheck.Result.PASS && kept.size() < keep) {
				kept.add(check);
			}
		});
		return new Report(Scope.STORE, code, agencyName(code, locale), null, agencyName(code, locale), started,
				clock.getZone(), kept, summary);
	}

	/**
	 * The agency whose store the actor asks to check (his own unless he names one), once the policy lets him: asked
	 * before a streamed answer starts, so that a refusal is still a refusal and not half a document.
	 */
	public String storeOf(Actor actor, String agency) {
		String code = actor.agencyOf(agency);
		decisions.decide(actor, Action.CHECK_FOUR_PROPERTIES, code).orThrow();
		return code;
	}

	/** The whole store as a PDF in Chinese, every recording in it, printed as each is checked. */
	public void storePdf(Actor actor, String agency, OutputStream out) {
		String code = storeOf(actor, agency);
		String name = agencyName(code, FourCheckSheet.CHINESE);
		try (FourCheckSheet sheet = new FourCheckSheet(wording, scope(Scope.STORE, name), name, clock.instant(),
				clock.getZone())) {
			FourCheckSummary summary = store(code, FourCheckSheet.CHINESE, sheet::add);
			sheet.finish(summary, out);
		}
	}

	/** A report as a PDF in Chinese (made with {@link Locale#SIMPLIFIED_CHINESE}), written to {@code out}. */
	public void print(Report report, OutputStream out) {
		try (FourCheckSheet sheet = new FourCheckSheet(wording, scope(report.scope(), report.subject()),
				report.agencyName(), report.checkedAt(), report.zone())) {
			report.recordings().forEach(sheet::add);
			sheet.finish(report.summary(), out);
		}
	}

	private String scope(Scope scope, String subject) {
		return wording.text("four.scope." + scope.name().toLowerCase(Locale.ROOT), FourCheckSheet.CHINESE) + "  " + subject;
	}

	/** Whether the actor may run checks in the agency: for the link on a recording's page. */
	public boolean mayCheck(Actor actor, String agency) {
		return decisions.decide(actor, Action.CHECK_FOUR_PROPERTIES, agency).isAllowed();
	}

	Report recording(Recording recording, Locale locale) {
		RecordingCheck checked = wording.worded(checks.check(recording), locale);
		FourCheckSummary summary = new FourCheckSummary();
		summary.add(checked);
		return new Report(Scope.RECORDING, recording.agency(), agencyName(recording.agency(), locale), recording.id(),
				recording.originalName(), checked.checkedAt(), clock.getZone(), List.of(checked), summary);
	}

	Report ofCase(String agency, UUID caseId, Locale locale) {
		Instant started = clock.instant();
		FourCheckSummary summary = new FourCheckSummary();
		List<RecordingCheck> checked = new ArrayList<>();
		for (UUID id : cases.recordingsOfCase(agency, caseId)) {
			Optional<Recording> recording = register.find(id);
			recording.filter(found -> !found.disposed()).ifPresent(found -> {
				RecordingCheck check = wording.worded(checks.check(found), locale);
				summary.add(check);
				checked.add(check);
			});
		}
		return new Report(Scope.CASE, agency, agencyName(agency, locale), caseId,
				cases.caseNumber(agency, caseId).orElse(caseId.toString()), started, clock.getZone(), checked, summary);
	}

	FourCheckSummary store(String agency, Locale locale, Consumer<RecordingCheck> each) {
		policies.of(agency);
		FourCheckSummary summary = new FourCheckSummary();
		String after = null;
		do {
			RecordingRegister.Page page = register.all(agency, after, PAGE);
			for (Recording recording : page.items()) {
				if (recording.disposed()) {
					continue;
				}
				RecordingCheck check = wording.worded(checks.check(recording), locale);
				summary.add(check);
				each.accept(check);
			}
			after = page.next();
		}
		while (after != null);
		return summary;
	}

	/** The agency that keeps the case, for those who belong to none (the installation's administrator). */
	String agencyOfCase(UUID caseId) {
		return policies.all().stream().map(policy -> policy.code())
			.filter(code -> cases.caseNumber(code, caseId).isPresent())
			.findFirst()
			.orElseThrow(() -> CustodiaException.notFound("error.case-not-found", caseId));
	}

	Optional<Recording> find(UUID id) {
		return register.find(id);
	}

	String agencyName(String agency, Locale locale) {
		return policies.find(agency).map(policy -> policy.agency().name().in(locale)).orElse(agency);
	}
}
