package org.custodia.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.custodia.web.Citations;
import org.springframework.context.MessageSource;

/**
 * The policy page's table: one row per rule, one column per agency, each cell the rule's content in
 * the reader's language with the articles it cites. Built here so the template only iterates.
 */
final class PolicyComparison {

	record Cell(List<String> lines, List<String> cites) {
	}

	record Row(String label, List<Cell> cells) {
	}

	record Section(String title, List<Row> rows) {
	}

	private final List<AgencyPolicy> policies;

	private final List<RetentionPeriods.Effective> retention;

	private final MessageSource messages;

	private final Locale locale;

	private final Citations citations;

	PolicyComparison(List<AgencyPolicy> policies, List<RetentionPeriods.Effective> retention, MessageSource messages,
			Locale locale, Citations citations) {
		this.policies = policies;
		this.retention = retention;
		this.messages = messages;
		this.locale = locale;
		this.citations = citations;
	}

	List<Section> sections() {
		return List.of(
				section("retention",
						indexed("retention.base", (policy, i) -> base(policy, retention.get(i))),
						row("retention.evidence", p -> cell(yesNo(p.retention().evidenceWithCaseFile().applies()),
								p.retention().evidenceWithCaseFile().cite())),
						row("retention.long-term", p -> labelled(p.retention().longTermTriggers())),
						row("retention.disposal", p -> cell(msg("policy.by." + p.retention().disposal().by()),
								p.retention().disposal().cite()))),
				section("recording",
						row("recording.must", p -> labelled(p.recording().mustRecord())),
						row("recording.may", p -> labelled(p.recording().mayRecord())),
						row("recording.coverage", p -> cell(text(p.recording().coverage().text()), p.recording().coverage().cite())),
						row("recording.start-statement", p -> cell(required(p.recording().startStatement().required(),
								p.recording().startStatement().text()), p.recording().startStatement().cite())),
						row("recording.notification", p -> cell(required(p.recording().notification().required(),
								p.recording().notification().sentence()), p.recording().notification().cite())),
						row("recording.interruption", p -> interruption(p.recording().interruption())),
						row("recording.may-stop", p -> labelled(p.recording().mayStop().reasons())),
						row("recording.work-record", p -> workRecord(p.recording().mayStop()))),
				section("ingest",
						row("ingest.deadline", p -> deadline(p.ingest())),
						row("ingest.exceptions", p -> exception(p.ingest().afterReturn())),
						row("ingest.layout", p -> cell(text(p.ingest().storeLayout().text()), p.ingest().storeLayout().cite()))),
				section("devices",
						row("devices.check", p -> cell(msg("policy.pre-use", yesNo(p.devices().preUseCheck().battery()),
								yesNo(p.devices().preUseCheck().storage()), yesNo(p.devices().preUseCheck().clock())),
								p.devices().preUseCheck().cite())),
						row("devices.repair", p -> cell(text(p.devices().repairRoute().text()), p.devices().repairRoute().cite())),
						row("devices.network", p -> cell(yesNo(p.devices().networkingBanned().value()), p.devices().networkingBanned().cite())),
						row("devices.fixed-asset", p -> cell(yesNo(p.devices().fixedAsset().value()), p.devices().fixedAsset().cite())),
						row("devices.compensation", p -> cell(text(p.devices().compensation().text()), p.devices().compensation().cite())),
						row("devices.daily", p -> cell(yesNo(p.devices().dailyCollection().value()), p.devices().dailyCollection().cite()))),
				section("access", accessRows()),
				section("discs",
						row("discs.long-term", p -> cell(msg("policy.copies", p.discs().longTerm().copies()) + "；"
								+ String.join("、", p.discs().longTerm().labelFields().stream().map(f -> msg("field." + f)).toList()),
								p.discs().longTerm().cite())),
						row("discs.evidence", p -> cell(String.join("、", p.discs().evidence().descriptionFields().stream()
							.map(f -> msg("field." + f)).toList()), p.discs().evidence().cite())),
						row("discs.signers", p -> cell(p.discs().evidence().signers().isEmpty() ? msg("policy.none")
								: String.join("、", p.discs().evidence().signers().stream().map(f -> msg("field." + f)).toList()),
								p.discs().evidence().cite()))),
				section("supervision",
						row("supervision.checks", p -> checks(p.supervision())),
						row("supervision.violations", p -> labelled(p.violations())),
						row("supervision.sanctions", p -> p.sanctions().isEmpty() ? new Cell(List.of(msg("policy.no-sanctions")), List.of())
								: new Cell(p.sanctions().stream().map(s -> text(s.label())).toList(),
										cites(p.sanctions().stream().map(AgencyPolicy.Sanction::cite).toList()))),
						row("supervision.login", p -> cell(msg("policy.login", p.login().lockoutThreshold(),
								p.login().lockoutMinutes(), p.login().sessionTimeoutMinutes()), p.login().cite())),
						row("supervision.accounts", p -> cell(msg("policy.accounts",
								msg("role." + p.accounts().footageRolesConfirmedBy())), p.accounts().cite()))),
				new PermissionCells(this, policies).section());
	}

	private Row[] accessRows() {
		List<Row> rows = new ArrayList<>();
		rows.add(row("access.register", p -> cell(yesNo(p.access().register().required()), p.access().register().cite())));
		rows.add(row("access.grants", p -> cell(msg("policy.grant-days", p.access().grants().days())
				+ assumed(p.access().grants().assumed()), p.access().grants().cite())));
		rows.add(row("access.fee", p -> cell(p.access().fee().charged() ? msg("policy.fee-charged") : msg("policy.no-fee"),
				p.access().fee().cite())));
		for (String kind : List.of("case-handler", "other-staff", "judicial-and-supervisory", "party-or-lawyer",
				"other-enforcement-body")) {
			rows.add(row("access.kind." + kind, p -> requester(p, kind)));
		}
		rows.add(row("access.public-use", p -> cell(String.join(" / ", p.access().publicUse().approvers().stream()
			.map(a -> msg("role." + a)).toList()) + assumed(p.access().publicUse().assumed()), p.access().publicUse().cite())));
		rows.add(row("access.secrecy", p -> cell(text(p.access().secrecy().text()), p.access().secrecy().cite())));
		rows.add(row("access.originals", p -> cell(msg("policy.originals-immutable"), p.access().originalsImmutable().cite())));
		return rows.toArray(Row[]::new);
	}

	private Cell requester(AgencyPolicy policy, String kind) {
		return policy.access().requesters().stream().filter(r -> r.kind().equals(kind)).findFirst().map(requester -> {
			List<String> lines = new ArrayList<>();
			if (!requester.documents().isEmpty()) {
				lines.add(msg("policy.documents") + String.join("、", requester.documents().stream().map(d -> msg("document." + d)).toList()));
			}
			for (AccessRules.Use use : requester.uses()) {
				List<String> approvers = PermissionRules.relations(use.approver()).stream().map(a -> msg("role." + a)).toList();
				lines.add(msg("use." + use.use()) + "：" + ("none".equals(use.approver()) ? msg("policy.no-approval")
						: msg("policy.approved-by", String.join(msg("word.or"), approvers))) + (use.onSiteOnly() ? msg("policy.on-site") : "")
						+ assumed(use.assumed()));
			}
			return new Cell(lines, cites(requester.uses().stream().map(AccessRules.Use::cite).toList()));
		}).orElse(new Cell(List.of(msg("policy.not-provided")), List.of()));
	}

	private Cell base(AgencyPolicy policy, RetentionPeriods.Effective effective) {
		List<String> lines = new ArrayList<>();
		lines.add(effective.months().map(months -> msg("policy.months", months))
			.orElse(msg(effective.keptWithoutEnd() ? "policy.kept-without-end" : "policy.retention-unset")));
		lines.add(msg("retention.status." + effective.baseStatus()) + (policy.retention().minimum() ? msg("policy.minimum") : ""));
		if (effective.decisionNumber() != null) {
			lines.add(msg("policy.decided-by", effective.decisionNumber(), effective.decisionDate().toString()));
		}
		if (effective.setBy() != null) {
			lines.add(msg("policy.set-by", effective.setBy(), effective.reason()));
		}
		return new Cell(lines, cites(List.of(effective.cite())));
	}

	private Cell deadline(AgencyPolicy.Ingest ingest) {
		if (!ingest.deadline().endOfWorkingDay()) {
			return cell(msg("policy.hours", ingest.deadline().hours()), ingest.deadline().cite());
		}
		return new Cell(List.of(msg("policy.end-of-working-day"), msg("policy.workday-ends", ingest.workdayEnds().time())),
				cites(List.of(ingest.deadline().cite(), ingest.workdayEnds().cite())));
	}

	private Cell exception(AgencyPolicy.AfterReturn afterReturn) {
		if (afterReturn == null) {
			return new Cell(List.of(msg("policy.no-exception")), List.of());
		}
		List<String> lines = new ArrayList<>();
		lines.add(msg("policy.after-return", afterReturn.hours()));
		afterReturn.reasons().forEach(reason -> lines.add("· " + text(reason.label())));
		return new Cell(lines, cites(List.of(afterReturn.cite())));
	}

	private Cell checks(AgencyPolicy.Supervision supervision) {
		if (supervision.checks().isEmpty()) {
			return new Cell(List.of(msg("policy.none")), List.of());
		}
		return new Cell(supervision.checks().stream().map(check -> text(check.text()) + assumed(check.assumed())).toList(),
				cites(supervision.checks().stream().map(AgencyPolicy.Check::cite).toList()));
	}

	private Cell interruption(AgencyPolicy.Interruption interruption) {
		List<String> lines = new ArrayList<>();
		lines.add(msg("policy.voice-explanation", yesNo(interruption.voiceExplanation())));
		lines.add(msg("policy.written-report", yesNo(interruption.writtenReportIfNotResumed())));
		if (interruption.reportTo() != null) {
			lines.add(msg("policy.report-to", msg("role." + interruption.reportTo().role())));
		}
		interruption.reasons().forEach(reason -> lines.add("· " + text(reason.label())));
		return new Cell(lines, cites(interruption.reportTo() == null ? List.of(interruption.cite())
				: List.of(interruption.cite(), interruption.reportTo().cite())));
	}

	private Cell workRecord(AgencyPolicy.MayStop mayStop) {
		AgencyPolicy.WorkRecord record = mayStop.workRecord();
		List<String> lines = new ArrayList<>();
		if (!mayStop.consentBy().isEmpty()) {
			lines.add(msg("policy.consent-by") + String.join(" / ", mayStop.consentBy().stream().map(r -> msg("role." + r)).toList()));
		}
		lines.add(msg("policy.reviewer") + msg("role." + record.reviewer()));
		lines.add(msg("policy.copies", record.copies()) + (record.copyHolders().isEmpty() ? ""
				: "：" + String.join("、", record.copyHolders().stream().map(this::text).toList())));
		return new Cell(lines, cites(List.of(record.cite())));
	}

	private Section section(String key, Row... rows) {
		return new Section(msg("policy.section." + key), List.of(rows));
	}

	private Row row(String key, Function<AgencyPolicy, Cell> cell) {
		return new Row(msg("policy.row." + key), policies.stream().map(cell).toList());
	}

	private Row indexed(String key, BiFunction<AgencyPolicy, Integer, Cell> cell) {
		List<Cell> cells = new ArrayList<>();
		for (int i = 0; i < policies.size(); i++) {
			cells.add(cell.apply(policies.get(i), i));
		}
		return new Row(msg("policy.row." + key), cells);
	}

	private Cell labelled(List<AgencyPolicy.Labelled> items) {
		if (items.isEmpty()) {
			return new Cell(List.of(msg("policy.none")), List.of());
		}
		return new Cell(items.stream().map(item -> text(item.label())).toList(),
				cites(items.stream().map(AgencyPolicy.Labelled::cite).toList()));
	}

	private Cell cell(String line, String cite) {
		return new Cell(List.of(line), cites(List.of(cite)));
	}

	/** Each citation once, as the page's language reads it, with the documents' brief titles: the column names the agency. */
	List<String> cites(List<String> all) {
		return List.copyOf(new LinkedHashSet<>(all.stream().map(cite -> citations.display(cite, locale, true)).toList()));
	}

	private String required(boolean required, Text text) {
		return required ? msg("policy.required") + (text == null ? "" : "：" + text(text)) : msg("policy.not-required");
	}

	private String assumed(boolean assumed) {
		return assumed ? msg("policy.assumed") : "";
	}

	private String yesNo(boolean value) {
		return msg(value ? "policy.yes" : "policy.no");
	}

	private String text(Text text) {
		return text == null ? "" : text.in(locale);
	}

	String msg(String key, Object... arguments) {
		return messages.getMessage(key, arguments, key, locale);
	}
}
