package org.custodia.policy;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a broken policy file at startup into a short message naming the file, line and field. */
class PolicyFileFailureAnalyzer extends AbstractFailureAnalyzer<PolicyFileException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, PolicyFileException cause) {
		return new FailureAnalysis(
				"Custodia cannot start: " + cause.getMessage(),
				"Correct the policy file (format: docs/policy-format.md) or remove it from <data-dir>/policies/ to use the "
						+ "built-in one. 请按 docs/policy-format.md 修正该策略文件，或将其移出数据目录的 policies/ 以使用内置制度。",
				cause);
	}
}
