package org.custodia.preservation;

import java.util.List;
import java.util.Locale;

/**
 * One check of one recording: what was checked, its result, and its basis — the message that says what was
 * compared, with the figures it compared ({@code figures}: hashes, sizes, ledger entries, checkpoint sizes).
 *
 * @param basis the basis worded in the reader's language; null until {@link FourChecks} words it
 */
public record FourCheck(Kind kind, Result result, String basisKey, List<Object> figures, String basis) {

	/** The four properties of DA/T 70-2018. */
	public enum Property {
		AUTHENTICITY, INTEGRITY, USABILITY, SECURITY
	}

	/** A check's outcome; a warning does not fail the recording. */
	public enum Result {
		PASS, WARN, FAIL;

		/** The worse of the two. */
		public Result and(Result other) {
			return other.ordinal() > ordinal() ? other : this;
		}
	}

	/** What is checked, under which property. */
	public enum Kind {
		SHA256_AT_INGEST(Property.AUTHENTICITY),
		SM3_MATCHES(Property.AUTHENTICITY),
		AGREES_WITH_LEDGER(Property.AUTHENTICITY),
		LEDGER_INCLUSION(Property.AUTHENTICITY),
		PRIMARY_COPY(Property.INTEGRITY),
		SECOND_COPY(Property.INTEGRITY),
		SIZE(Property.INTEGRITY),
		METADATA(Property.INTEGRITY),
		READABLE(Property.USABILITY),
		PLAYS_IN_BROWSER(Property.USABILITY),
		READ_ONLY(Property.SECURITY),
		ACCESS_POLICY(Property.SECURITY),
		DERIVED_COPIES(Property.SECURITY);

		private final Property property;

		Kind(Property property) {
			this.property = property;
		}

		public Property property() {
			return property;
		}

		/** The name in message keys: {@code four.check.sha256-at-ingest}. */
		public String code() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}
	}

	/** A figure that is a message key, worded in the reader's language (a role, a copy's place). */
	public record Term(String key) {
	}

	/** Several message keys, worded and joined in the reader's language. */
	public record Terms(List<String> keys) {
	}

	/** A figure that is a rule's citation, shown as the reader's pages show citations. */
	public record Cite(String cite) {
	}

	static FourCheck of(Kind kind, Result result, String basis, Object... figures) {
		return new FourCheck(kind, result, "four.basis." + basis, List.of(figures), null);
	}

	public Property property() {
		return kind.property();
	}

	FourCheck worded(String text) {
		return new FourCheck(kind, result, basisKey, figures, text);
	}
}
