package org.custodia.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Citations as pages read them: the regulation's title and the article in Chinese numerals on Chinese pages. */
class CitationsTests {

	static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private final Citations citations = new Citations(messages(), documents(Map.of(
			"001", new String[] { "平顶山市文化广电和旅游局执法音像记录管理制度", "管理制度" },
			"001-access", new String[] { "平顶山市文化广电和旅游局执法音像记录调阅制度", "调阅制度" },
			"001-list", new String[] { "平顶山市文化广电和旅游局执法音像记录事项清单", "事项清单" })));

	@Test
	void articlesReadAsTheRegulationsTitleAndChineseNumerals() {
		assertThat(citations.display("001-access art. 4", CHINESE, false)).isEqualTo("《平顶山市文化广电和旅游局执法音像记录调阅制度》第四条");
		assertThat(citations.display("001 art. 8; 001 art. 13; 001-access art. 9", CHINESE, false))
			.isEqualTo("《平顶山市文化广电和旅游局执法音像记录管理制度》第八条、第十三条；《平顶山市文化广电和旅游局执法音像记录调阅制度》第九条");
		assertThat(citations.display("001-list row 11", CHINESE, true)).isEqualTo("《事项清单》第十一项");
		assertThat(citations.display("001 art. 13", Locale.ENGLISH, false)).isEqualTo("001 art. 13");
	}

	@Test
	void numbersAreWrittenAsRegulationsWriteThem() {
		assertThat(ChineseNumerals.of(1)).isEqualTo("一");
		assertThat(ChineseNumerals.of(10)).isEqualTo("十");
		assertThat(ChineseNumerals.of(13)).isEqualTo("十三");
		assertThat(ChineseNumerals.of(20)).isEqualTo("二十");
		assertThat(ChineseNumerals.of(24)).isEqualTo("二十四");
		assertThat(ChineseNumerals.of(105)).isEqualTo("一百零五");
		assertThat(ChineseNumerals.of(113)).isEqualTo("一百一十三");
	}

	@Test
	void custodiasDefaultsGiveTheirReasonInTheReadersLanguage() {
		String cite = "custodia: tenant isolation (each agency sees only its own records)";
		assertThat(citations.display(cite, CHINESE, false)).isEqualTo("系统默认（条例未规定）：单位隔离：各单位只能看到本单位的记录");
		assertThat(citations.display(cite, Locale.ENGLISH, false))
			.isEqualTo("Custodia default: tenant isolation (each agency sees only its own records)");
		// a reason without its Chinese text shows no English on a Chinese page
		assertThat(citations.display("custodia: something new", CHINESE, false)).isEqualTo("系统默认（条例未规定）");
	}

	static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	static org.springframework.beans.factory.ObjectProvider<RegulationDocuments> documents(Map<String, String[]> titles) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("documents", (RegulationDocuments) (document, brief) -> Optional.ofNullable(titles.get(document))
			.map(pair -> brief ? pair[1] : pair[0]));
		return beans.getBeanProvider(RegulationDocuments.class);
	}
}
