package org.custodia.policy;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * One agency's regulation as data, as read from its policy file. The layout is specified in
 * {@code docs/policy-format.md}; every rule carries {@code cite}, the article it comes from.
 */
public record AgencyPolicy(@NotNull @Valid Agency agency, @NotNull @Valid List<@Valid Unit> units,
		@NotNull @Valid Login login, @NotNull @Valid Accounts accounts, @NotNull @Valid Retention retention,
		@NotNull @Valid Recording recording, @NotNull @Valid Ingest ingest, @NotNull @Valid Devices devices,
		@NotNull @Valid AccessRules access, @NotNull @Valid Discs discs, @NotNull List<@Valid Labelled> violations,
		@NotNull List<@Valid Sanction> sanctions, @NotNull @Valid Supervision supervision,
		@NotNull List<@Valid Permission> permissions) {

	static final String CITATION = "^(custodia: .+|\\d{3}(-access|-list)? (art|row)\\.? \\d+(; \\d{3}(-access|-list)? (art|row)\\.? \\d+)*)$";

	static final String CODE = "^[a-z0-9]+(-[a-z0-9]+)*$";

	public String code() {
		return agency.code();
	}

	public record Agency(@NotBlank @Pattern(regexp = CODE) String code, @NotNull @Valid Text name,
			@NotBlank @Pattern(regexp = "^\\d{3}$") String seed, @NotNull @Valid List<@Valid Document> documents) {
	}

	/**
	 * One document of the regulation. Citations name it by the seed ({@code 001}) for {@code main}, else by
	 * seed and id ({@code 001-access}); Chinese pages cite it by {@code shortTitle}, or by {@code brief}
	 * where a table cell has little room (the agency is then named by the column).
	 */
	public record Document(@NotBlank @Pattern(regexp = "^(main|access|list)$") String id, @NotNull @Valid Text title,
			@NotBlank String shortTitle, @NotBlank String brief, String published, String effective) {

		/** How citations name the document: {@code 001}, {@code 001-access}. */
		public String citedAs(String seed) {
			return "main".equals(id) ? seed : seed + "-" + id;
		}
	}

	public record Unit(@NotNull @Valid Text name,
			@NotBlank @Pattern(regexp = "^(enforcement|section|office|service-hall|legal)$") String kind,
			@NotBlank @Pattern(regexp = CITATION) String cite) {
	}

	/**
	 * Lockout. The threshold is at least 4: identity's address throttle refuses an address after 3 failures
	 * on one user name, so no single address can lock an account.
	 */
	public record Login(@Min(4) @Max(100) int lockoutThreshold, @Min(1) @Max(1440) int lockoutMinutes,
			@Min(1) @Max(1440) int sessionTimeoutMinutes, @NotBlank @Pattern(regexp = CITATION) String cite) {
	}

	/**
	 * Who confirms that a user may see footage ({@link FootageRoles}): a role that approves access to
	 * footage without playing it back itself.
	 */
	public record Accounts(@NotBlank @Pattern(regexp = "^(chief|leader-in-charge)$") String footageRolesConfirmedBy,
			@NotBlank @Pattern(regexp = CITATION) String cite) {

		public org.custodia.shared.Role confirmingRole() {
			return org.custodia.shared.Role.fromCode(footageRolesConfirmedBy);
		}
	}

	public record Labelled(@NotBlank @Pattern(regexp = CODE) String code, @NotNull @Valid Text label,
			@NotBlank @Pattern(regexp = CITATION) String cite) {
	}

	public record Cited(@NotBlank @Pattern(regexp = CITATION) String cite) {
	}

	public record Flag(boolean value, @NotBlank @Pattern(regexp = CITATION) String cite) {
	}

	public record CitedText(@NotNull @Valid Text text, @NotBlank @Pattern(regexp = CITATION) String cite) {
	}

	/**
	 * The base retention period (RET-1). {@code baseStatus}: {@code set} (the regulation gives it),
	 * {@code left-blank} (it says "X个月"), {@code not-stated}, or {@code kept-complete} (it asks that
	 * footage be kept complete and gives no period: kept without end until the agency decides one).
	 */
	public record Retention(@Positive Integer baseMonths,
			@NotBlank @Pattern(regexp = "^(set|left-blank|not-stated|kept-complete)$") String baseStatus, boolean minimum,
			@Valid Text note, @NotBlank @Pattern(regexp = CITATION) String cite,
			@NotNull @Valid EvidenceWithCaseFile evidenceWithCaseFile, @NotNull @Valid Disposal disposal,
			@NotNull List<@Valid Labelled> longTermTriggers) {

		/** Whether the regulation states the base period itself (rather than leaving it blank or unsaid). */
		public boolean periodStated() {
			return "set".equals(baseStatus);
		}

		/** Whether the regulation wants footage kept complete with no period (000 art. 15, 004 art. 11: "完整留存"). */
		public boolean keptComplete() {
			return "kept-complete".equals(baseStatus);
		}
	}

	public record EvidenceWithCaseFile(boolean applies, @NotBlank @Pattern(regexp = CITATION) String cite) {
	}

	/**
	 * @param waitDays how many days an approved disposal waits, cancellable, before it is carried out (the shipped
	 *        policies say 7, a Custodia default: the regulations name no waiting period)
	 */
	public record Disposal(@NotBlank String by, boolean onlyWithoutValue, @jakarta.validation.constraints.Positive int waitDays,
			@NotBlank @Pattern(regexp = CITATION) String cite) {

		public java.time.Duration waitPeriod() {
			return java.time.Duration.ofDays(waitDays);
		}
	}

	public record Recording(@NotNull List<@Valid Labelled> mustRecord, @NotNull List<@Valid Labelled> mayRecord,
			@NotNull List<@Valid ListRow> activityList, @NotNull @Valid CitedText coverage,
			@NotNull @Valid StartStatement startStatement, @NotNull @Valid Notification notification,
			@NotNull @Valid Interruption interruption, @NotNull @Valid MayStop mayStop) {
	}

	public record ListRow(@Positive int row, @NotNull @Valid Text category, @NotNull @Valid Text activity,
			@NotNull List<@Valid Text> carriers, @NotNull @Valid Text place, @NotNull @Valid Text content,
			@NotNull @Valid Text department, @NotNull @Valid Text recorder,
			@NotBlank @Pattern(regexp = CITATION) String cite) {
	}

	public record StartStatement(boolean required, @Valid Text text,
			@NotBlank @Pattern(regexp = CITATION) String cite) {
	}

	public record Notification(boolean required, @Valid Text sentence,
			@NotBlank @Pattern(regexp = CITATION) String cite) {
	}

	/**
	 * Interruptions of recording (REC-4): the reasons the regulation accepts (only those), whether the
	 * reason is spoken on resuming or written when recording cannot resume, and to whom the officer reports
	 * a recording that cannot go on, where the regulation says so (002 art. 11), or null.
	 */
	public record Interruption(boolean voiceExplanation, boolean writtenReportIfNotResumed,
			@NotNull List<@Valid Labelled> reasons, @Valid ReportTo reportTo,
			@NotBlank @Pattern(regexp = CITATION) String cite) {
	}

	public record ReportTo(@NotBlank @Pattern(regexp = "^(unit-head|chief|leader-in-charge)$") String role,
			@NotBlank @Pattern(regexp = CITATION) String cite) {

		public org.custodia.shared.Role asRole() {
			return org.custodia.shared.Role.fromCode(role);
		}
	}

	public record MayStop(@NotNull List<@Valid Labelled> reasons,
			@NotNull List<@Pattern(regexp = "^(on-site-leader|unit-head|chief|leader-in-charge)$") String> consentBy,
			@NotNull @Valid WorkRecord workRecord) {
	}

	public record WorkRecord(@NotNull List<@Valid Text> contents,
			@NotBlank @Pattern(regexp = "^(unit-head|chief|leader-in-charge)$") String reviewer,
			@Min(1) @Max(5) int copies, @NotNull List<@Valid Text> copyHolders,
			@NotBlank @Pattern(regexp = CITATION) String cite) {

		public org.custodia.shared.Role reviewerRole() {
			return org.custodia.shared.Role.fromCode(reviewer);
		}
	}

	/**
	 * When recordings must be imported ({@link ImportDeadlines}): the deadline after the activity, the
	 * working day's end where the deadline is the end of the working day, and the exception some
	 * regulations allow (hours after the return to the unit, for the reasons they list), else null.
	 */
	public record Ingest(@NotNull @Valid Deadline deadline, @Valid WorkdayEnds workdayEnds, @Valid AfterReturn afterReturn,
			@NotNull @Valid Cited noPrivateCopies, @NotNull @Valid CitedText storeLayout) {
	}

	/**
	 * @param counts {@code hours-after-end} ({@code hours} after the activity ends, 000 art. 16) or
	 *        {@code end-of-working-day} (the end of the working day the activity ended on, 004 art. 12)
	 */
	public record Deadline(@NotBlank @Pattern(regexp = "^(hours-after-end|end-of-working-day)$") String counts,
			@Min(1) @Max(720) Integer hours, @NotBlank @Pattern(regexp = CITATION) String cite) {

		public boolean endOfWorkingDay() {
			return "end-of-working-day".equals(counts);
		}
	}

	/** The time of day the working day ends, in the agencies' zone. */
	public record WorkdayEnds(@NotBlank @Pattern(regexp = "^([01]\\d|2[0-3]):[0-5]\\d$") String time,
			@NotBlank @Pattern(regexp = CITATION) String cite) {

		public java.time.LocalTime at() {
			return java.time.LocalTime.parse(time);
		}
	}

	/** Where work away or without pause prevents a prompt import: {@code hours} after the return to the unit. */
	public record AfterReturn(@Min(1) @Max(720) int hours, @NotBlank @Pattern(regexp = CITATION) String cite,
			@NotEmpty List<@Valid Labelled> reasons) {
	}

	public record Devices(@NotNull @Valid PreUseCheck preUseCheck, @NotNull @Valid RepairRoute repairRoute,
			@NotNull @Valid Flag networkingBanned, @NotNull @Valid Flag fixedAsset,
			@NotNull @Valid Compensation compensation, @NotNull @Valid Flag dailyCollection,
			@NotNull @Valid Responsibility responsibility) {
	}

	public record PreUseCheck(boolean battery, boolean storage, boolean clock,
			@NotBlank @Pattern(regexp = CITATION) String cite) {
	}

	public record RepairRoute(@NotBlank @Pattern(regexp = "^(finance|vendor-only|not-stated)$") String route,
			@NotNull @Valid Text text, @NotBlank @Pattern(regexp = CITATION) String cite) {
	}

	public record Compensation(@NotBlank @Pattern(regexp = "^(original-price|per-regulation|not-stated)$") String rule,
			@NotNull @Valid Text text, @NotBlank @Pattern(regexp = CITATION) String cite) {

		/** Whether the holder of a lost device pays its original price (004 art. 8) rather than an assessed amount. */
		public boolean atOriginalPrice() {
			return "original-price".equals(rule);
		}
	}

	public record Responsibility(@NotNull @Valid Text firstResponsible, boolean wearerResponsible,
			@NotBlank @Pattern(regexp = CITATION) String cite) {
	}

	public record Discs(@NotNull @Valid LongTermDiscs longTerm, @NotNull @Valid EvidenceDiscs evidence) {
	}

	public record LongTermDiscs(@Min(1) @Max(5) int copies, @NotNull List<@NotBlank String> labelFields,
			boolean assumed, @NotBlank @Pattern(regexp = CITATION) String cite) {
	}

	public record EvidenceDiscs(@NotNull List<@NotBlank String> descriptionFields,
			@NotNull List<@NotBlank String> signers, boolean assumed,
			@NotBlank @Pattern(regexp = CITATION) String cite) {
	}

	/** The checks of the recordings the regulation asks for (SUP-1, SUP-2), with who makes them and how often. */
	public record Supervision(@NotNull List<@Valid Check> checks) {
	}

	/**
	 * @param kind {@code daily-check}, {@code playback-review}, {@code unannounced-check} or {@code evaluation}
	 * @param by the roles that check
	 * @param every {@code day}, {@code period} (periodically, no interval given), {@code unannounced} or {@code year}
	 * @param atLeast how many times per {@code every} at least, where the regulation gives a number
	 * @param reportTo the role findings are reported to, or null
	 */
	public record Check(@NotBlank @Pattern(regexp = "^(daily-check|playback-review|unannounced-check|evaluation)$") String kind,
			@NotEmpty List<@Pattern(regexp = "^(unit-head|custodian|legal-head|chief|leader-in-charge|supervisor)$") String> by,
			@NotBlank @Pattern(regexp = "^(day|period|unannounced|year)$") String every, @Positive Integer atLeast,
			@Pattern(regexp = "^(unit-head|legal-head|chief|leader-in-charge)$") String reportTo, boolean assumed,
			@NotNull @Valid Text text, @NotBlank @Pattern(regexp = CITATION) String cite) {
	}

	public record Sanction(@NotBlank @Pattern(regexp = CODE) String code, @NotNull @Valid Text label,
			@Min(1) @Max(10) int severity, @NotBlank @Pattern(regexp = CITATION) String cite) {
	}
}
