package org.custodia.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.custodia.shared.HumanUnits;
import org.custodia.shared.ShownTimes;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A ledger entry in the reader's words: its action ({@code ledger.action.<code>}) and its payload as labelled
 * fields ({@code ledger.payload.<key>}), with moments in the agencies' zone and coded values in words. Pages
 * use {@code ${@ledgerWords.action(entry.action)}} and {@code ${@ledgerWords.fields(entry.payloadJson)}}; the
 * entry's payload is taken as its JSON so that this shell depends on no feature module.
 */
@Component("ledgerWords")
public class LedgerWords {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z");

	private static final Pattern HASH = Pattern.compile("[0-9a-f]{40,}");

	private static final Pattern LATE_MINUTES = Pattern.compile("(\\d+) min");

	private static final String SYSTEM = "system:";

	/** Codes the pages already name: where a payload key holds one, its words are under these prefixes. */
	private static final Map<String, List<String>> NAMED_ELSEWHERE = Map.of(
			"kind", List.of("media.kind.", "device.kind.", "fixity.kind.", "units.kind."),
			"problem", List.of("media.problem."),
			"roles", List.of("role."), "confirmed", List.of("role."), "refused", List.of("role."), "held", List.of("role."),
			"confirmedBy", List.of("role."));

	/** One labelled value; a title, where there is one, gives the code or the full value behind the words. */
	public record Field(String label, String labelTitle, String value, String valueTitle) {
	}

	private final MessageSource messages;

	private final ShownTimes times;

	private final HumanUnits units;

	private final Citations citations;

	LedgerWords(MessageSource messages, ShownTimes times, HumanUnits units, Citations citations) {
		this.messages = messages;
		this.times = times;
		this.units = units;
		this.citations = citations;
	}

	/** "导入音像记录" for {@code recording.ingested}; an action without words reads as "其他事项". */
	public String action(String code) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage("ledger.action." + code, null,
				messages.getMessage("ledger.action.other", null, "—", locale), locale);
	}

	/** The user name as it is; a system job ({@code system:media}) as "系统". */
	public String actor(String actor) {
		if (actor != null && actor.startsWith(SYSTEM)) {
			return messages.getMessage("ledger.actor.system", null, LocaleContextHolder.getLocale());
		}
		return actor;
	}

	/** The payload's members in the order the ledger keeps them (by key), each with its label and its value in words. */
	public List<Field> fields(String payloadJson) {
		if (payloadJson == null || payloadJson.isBlank()) {
			return List.of();
		}
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, Object> payload = JSON.readValue(payloadJson, new TypeReference<Map<String, Object>>() {
		});
		List<Field> fields = new ArrayList<>();
		payload.forEach((key, value) -> {
			String label = messages.getMessage("ledger.payload." + key, null, null, locale);
			String shown = value(key, value, locale);
			String full = shown.equals(String.valueOf(value)) || value == null ? null : String.valueOf(value);
			fields.add(label == null
					? new Field(messages.getMessage("ledger.payload.other", null, locale), key, shown, full)
					: new Field(label, null, shown, full));
		});
		return fields;
	}

	private String value(String key, Object value, Locale locale) {
		if (value == null || "".equals(value)) {
			return "—";
		}
		if (value instanceof Boolean yes) {
			return messages.getMessage(yes ? "ledger.value.yes" : "ledger.value.no", null, locale);
		}
		if (value instanceof Number number) {
			return ("size".equals(key) || "bytes".equals(key)) ? units.fileSize(number.longValue(), locale) : number.toString();
		}
		if (value instanceof Collection<?> items) {
			return String.join(messages.getMessage("word.list-separator", null, "、", locale),
					items.stream().map(item -> value(key, item, locale)).toList());
		}
		if (value instanceof Map<?, ?> members) {
			List<String> parts = new ArrayList<>();
			members.forEach((member, inner) -> parts.add(
					messages.getMessage("ledger.payload." + member, null, messages.getMessage("ledger.payload.other", null, locale), locale)
							+ ": " + value(String.valueOf(member), inner, locale)));
			return String.join(messages.getMessage("word.list-separator", null, "、", locale), parts);
		}
		return text(key, value.toString(), locale);
	}

	private String text(String key, String value, Locale locale) {
		String coded = coded(key, value, locale);
		if (coded != null) {
			return coded;
		}
		if (NAMED_ELSEWHERE.containsKey(key) && value.contains(",")) {
			List<String> parts = java.util.Arrays.stream(value.split(",")).map(part -> coded(key, part, locale)).toList();
			if (!parts.contains(null)) {
				return String.join(messages.getMessage("word.list-separator", null, "、", locale), parts);
			}
		}
		if (INSTANT.matcher(value).matches()) {
			try {
				return times.second(Instant.parse(value));
			}
			catch (DateTimeParseException e) {
				return value;
			}
		}
		if (("key".equals(key) || "storeKey".equals(key)) && value.contains("/")) {
			// a store key is the agency's folder and the content's hash with its extension: the hash tells it apart
			String name = value.substring(value.lastIndexOf('/') + 1);
			return text(key, name.contains(".") ? name.substring(0, name.indexOf('.')) : name, locale);
		}
		if (HASH.matcher(value).matches()) {
			return value.substring(0, 12) + "…";
		}
		var late = LATE_MINUTES.matcher(value);
		if ("late".equals(key) && late.matches()) {
			return messages.getMessage("ledger.value.late.minutes", new Object[] { units.span(Long.parseLong(late.group(1)), locale) },
					locale);
		}
		if (("type".equals(key) || "contentType".equals(key)) && value.contains("/")) {
			String kind = value.substring(0, value.indexOf('/'));
			return messages.getMessage("ledger.value.type." + kind, null, messages.getMessage("ledger.value.type.other", null, locale), locale);
		}
		if ("cite".equals(key) || key.endsWith("Cite") || value.startsWith(CustodiaReasons.PREFIX)) {
			return citations.display(value, locale, true);
		}
		return value;
	}

	private String coded(String key, String value, Locale locale) {
		String coded = messages.getMessage("ledger.value." + key + "." + value, null, null, locale);
		for (String prefix : NAMED_ELSEWHERE.getOrDefault(key, List.of())) {
			coded = coded != null ? coded : messages.getMessage(prefix + value, null, null, locale);
		}
		return coded;
	}
}
