package org.custodia.policy;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The access matrix (ACC-1…9): per kind of requester, the documents, the uses and who approves them. */
public record AccessRules(@NotNull @Valid Register register, @NotNull @Valid Fee fee, @NotNull @Valid Grants grants,
		@NotNull List<@Valid Requester> requesters, @NotNull @Valid PublicUse publicUse,
		@NotNull @Valid AgencyPolicy.CitedText secrecy, @NotNull @Valid AgencyPolicy.Cited originalsImmutable) {

	/** One approver, or several any of whom may approve ({@code chief | leader-in-charge}: 004's 局领导). */
	static final String APPROVER = "^(none|(legal-head|chief|leader-in-charge)( \\| (legal-head|chief|leader-in-charge))*)$";

	static final String KINDS = "case-handler|other-staff|judicial-and-supervisory|party-or-lawyer|other-enforcement-body";

	static final String USES = "view|print|copy|send-copies";

	/** {@code keptBy}: the role that keeps the register (保管人), enters outsiders' requests and checks their documents. */
	public record Register(boolean required, @NotBlank @Pattern(regexp = "^(custodian|legal-head)$") String keptBy,
			@NotBlank @Pattern(regexp = AgencyPolicy.CITATION) String cite) {
	}

	/** How long an approved request lets its holder watch or copy, unless the approver says otherwise. */
	public record Grants(@jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(366) int days,
			boolean assumed, @NotBlank @Pattern(regexp = AgencyPolicy.CITATION) String cite) {
	}

	public record Fee(boolean charged, @NotBlank @Pattern(regexp = AgencyPolicy.CITATION) String cite) {
	}

	public record Requester(
			@NotBlank @Pattern(regexp = "^(" + KINDS + ")$") String kind,
			@NotNull @Valid Text label, boolean reasonRequired,
			@NotNull List<@Pattern(regexp = "^(letter-of-introduction|applicant-id|power-of-attorney|authorisation|practising-licence)$") String> documents,
			@NotNull List<@Valid Use> uses) {
	}

	public record Use(@NotBlank @Pattern(regexp = "^(" + USES + ")$") String use,
			@NotBlank @Pattern(regexp = APPROVER) String approver, boolean onSiteOnly, boolean assumed,
			@NotBlank @Pattern(regexp = AgencyPolicy.CITATION) String cite) {
	}

	public record PublicUse(@NotNull List<@Pattern(regexp = APPROVER) String> approvers, boolean exceptSecret,
			boolean assumed, @NotBlank @Pattern(regexp = AgencyPolicy.CITATION) String cite) {
	}
}
