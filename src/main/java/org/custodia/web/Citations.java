package org.custodia.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How a rule's citation reads on a page. English pages show it as written ({@code 002 art. 14});
 * Chinese pages as the regulation's title and the article in Chinese numerals
 * (《丰南区医疗保障局执法音像记录管理制度》第十四条). Custodia's own default reads 系统默认（条例未规定）
 * with its reason in the reader's language. Templates use {@code ${@citations.display(cite)}}, or
 * {@code brief} where a table cell has little room.
 */
@Component("citations")
public class Citations {

	private static final Pattern ARTICLE = Pattern.compile("^(\\d{3}(?:-[a-z]+)?) (art|row)\\.? (\\d+)$");

	private final MessageSource messages;

	private final ObjectProvider<RegulationDocuments> documents;

	private final CustodiaReasons reasons = CustodiaReasons.shipped();

	Citations(MessageSource messages, ObjectProvider<RegulationDocuments> documents) {
		this.messages = messages;
		this.documents = documents;
	}

	public String display(String cite) {
		return display(cite, LocaleContextHolder.getLocale(), false);
	}

	/** The same with the document's brief title, where space is tight. */
	public String brief(String cite) {
		return display(cite, LocaleContextHolder.getLocale(), true);
	}

	public String display(String cite, Locale locale, boolean brief) {
		if (cite == null || cite.isBlank()) {
			return cite;
		}
		if (cite.startsWith(CustodiaReasons.PREFIX)) {
			String reason = cite.substring(CustodiaReasons.PREFIX.length());
			return reasons.in(reason, locale)
				.map(text -> messages.getMessage("policy.custodia-default", new Object[] { text }, locale))
				.orElseGet(() -> messages.getMessage("policy.custodia-default-unexplained", null, locale));
		}
		if ("en".equals(locale.getLanguage())) {
			return cite;
		}
		return chinese(List.of(cite.split("; ")), brief);
	}

	/** Consecutive articles of one document share its title: 《…》第九条、第十一条；《…》第九条. */
	private String chinese(List<String> parts, boolean brief) {
		StringBuilder out = new StringBuilder();
		String previous = null;
		for (String part : parts) {
			Matcher article = ARTICLE.matcher(part.strip());
			if (!article.matches()) {
				out.append(out.isEmpty() ? "" : "；").append(part);
				previous = null;
				continue;
			}
			String document = article.group(1);
			String number = "第" + ChineseNumerals.of(Integer.parseInt(article.group(3)))
					+ ("art".equals(article.group(2)) ? "条" : "项");
			if (document.equals(previous)) {
				out.append('、').append(number);
			}
			else {
				out.append(out.isEmpty() ? "" : "；").append('《').append(title(document, brief)).append('》').append(number);
			}
			previous = document;
		}
		return out.toString();
	}

	private String title(String document, boolean brief) {
		RegulationDocuments known = documents.getIfAvailable();
		Optional<String> title = known == null ? Optional.empty() : known.title(document, brief);
		return title.orElseGet(() -> "制度文件" + document.replace("-access", "调阅制度").replace("-list", "事项清单"));
	}
}
