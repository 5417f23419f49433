package org.custodia.web;

/** Article numbers as Chinese regulations write them: 第十三条, 第二十一条, 第一百条. */
final class ChineseNumerals {

	private static final String DIGITS = "零一二三四五六七八九";

	private ChineseNumerals() {
	}

	/** 1 to 999 in Chinese numerals; other numbers as digits. */
	static String of(int n) {
		if (n < 1 || n > 999) {
			return Integer.toString(n);
		}
		int hundreds = n / 100;
		int tens = n / 10 % 10;
		int ones = n % 10;
		StringBuilder out = new StringBuilder();
		if (hundreds > 0) {
			out.append(DIGITS.charAt(hundreds)).append('百');
			if (tens == 0 && ones > 0) {
				out.append('零');
			}
		}
		if (tens > 0) {
			// 十三, not 一十三, unless a hundred comes first (一百一十三)
			if (tens > 1 || hundreds > 0) {
				out.append(DIGITS.charAt(tens));
			}
			out.append('十');
		}
		if (ones > 0) {
			out.append(DIGITS.charAt(ones));
		}
		return out.toString();
	}
}
