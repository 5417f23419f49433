package org.custodia.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvRowsTests {

	@Test
	void plainRowsWithTheirLines() {
		List<CsvRows.Row> rows = CsvRows.of("a,b,c\n1,2,3\n\n4,,6\n");

		assertThat(rows).extracting(CsvRows.Row::line).containsExactly(1, 2, 4);
		assertThat(rows.get(2).fields()).containsExactly("4", "", "6");
		assertThat(rows.get(2).get(9)).isEmpty();
	}

	@Test
	void quotedFieldsHoldCommasQuotesAndLineBreaks() {
		List<CsvRows.Row> rows = CsvRows.of("\uFEFFplace,parties\r\n\"某区, 某街道\",\"张三 \"\"老板\"\"\n李四\"\r\nx,y");

		assertThat(rows.get(0).fields()).containsExactly("place", "parties");
		assertThat(rows.get(1).fields()).containsExactly("某区, 某街道", "张三 \"老板\"\n李四");
		assertThat(rows.get(2).line()).isEqualTo(4);
		assertThat(rows.get(2).fields()).containsExactly("x", "y");
	}

	@Test
	void aLastLineWithoutBreakAndEmptyTrailingFieldsCount() {
		assertThat(CsvRows.of("a,").get(0).fields()).containsExactly("a", "");
		assertThat(CsvRows.of("")).isEmpty();
	}
}
