package org.custodia.policy;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
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
		@NotNull List<@Valid Sanction> sanctions, @NotNull List<@Valid Permission> permissions) {

	static final String CITATION = "^(custodia: .+|\\d{3}(-access|-list)? (art|row)\\.? \\d+(; \\d{3}(-access|-list)? (art|row)\\.? \\d+)*)$";

	static final String CODE = "^[a-z0-9]+(-[a-z0-9]+)*$";

	public String code() {
		return agency.code();
	}

	public record Agency(@NotBlank @Pattern(regexp = CODE) String code, @NotNull @Valid Text name,
			@NotBlank @Pattern(regexp = "^\\d{3}$") String seed, @NotNull @Valid List<@Valid Document> documents) {
	}

	public record Document(@NotBlank String id, @NotNull @Valid Text title, String published, String effective) {
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

	public record Retention(@Positive Integer baseMonths,
			@NotBlank @Pattern(regexp = "^(set|left-blank|not-stated)$") String baseStatus, boolean minimum,
			@Valid Text note, @NotBlank @Pattern(regexp = CITATION) String cite,
			@NotNull @Valid EvidenceWithCaseFile evidenceWithCaseFile, @NotNull @Valid Disposal disposal,
			@NotNull List<@Valid Labelled> longTermTriggers) {

		/** Whether the regulation states the base period itself (rather than leaving it blank or unsaid). */
		public boolean periodStated() {
			return "set".equals(baseStatus);
		}
	}

	public record EvidenceWithCaseFile(boolean applies, @NotBlank @Pattern(regexp = CITATION) String cite) {
	}

	public record Disposal(@NotBlank String by, boolean onlyWithoutValue,
			@NotBlank @Pattern(regexp = CITATION) String cite) {
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

	public record Interruption(boolean voiceExplanation, boolean writtenReportIfNotResumed,
			@NotNull List<@Valid Labelled> reasons, @NotBlank @Pattern(regexp = CITATION) String cite) {
	}

	public record MayStop(@NotNull List<@Valid Labelled> reasons, @NotNull List<@NotBlank String> consentBy,
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

	public record Ingest(@Min(1) @Max(720) int deadlineHours, @NotBlank @Pattern(regexp = CITATION) String cite,
			@NotNull List<@Valid Labelled> exceptions, @NotNull @Valid Cited noPrivateCopies,
			@NotNull @Valid CitedText storeLayout) {
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

	public record Sanction(@NotBlank @Pattern(regexp = CODE) String code, @NotNull @Valid Text label,
			@Min(1) @Max(10) int severity, @NotBlank @Pattern(regexp = CITATION) String cite) {
	}
}
