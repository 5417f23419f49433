package org.custodia.preservation;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.custodia.recording.Recording;
import org.custodia.shared.CustodiaException;
import org.springframework.stereotype.Component;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar custodia.jar check-four}: 四性检测 on the workstation, of a recording, a case or an agency's store,
 * each check in Chinese and English; whoever holds the machine and its database runs it, as {@code verify}.
 */
@Component
@Command(name = "check-four", mixinStandardHelpOptions = true,
		description = "Check the four properties of stored records (authenticity, integrity, usability, security; "
				+ "DA/T 70-2018) of a recording, a case or an agency's whole store. Exit 0 when nothing fails "
				+ "(warnings allowed), 1 when a check fails, 2 when the scope is not found.")
class CheckFourCommand implements Callable<Integer> {

	static class Scope {

		@Option(names = "--recording", paramLabel = "ID", description = "one recording")
		UUID recording;

		@Option(names = "--case", paramLabel = "ID", description = "every recording of a case")
		UUID caseId;

		@Option(names = "--agency", paramLabel = "CODE", description = "every recording of the agency's store")
		String agency;
	}

	@ArgGroup(exclusive = true, multiplicity = "1")
	Scope scope;

	@Spec
	CommandSpec spec;

	private final FourChecks checks;

	private final Wording wording;

	CheckFourCommand(FourChecks checks, Wording wording) {
		this.checks = checks;
		this.wording = wording;
	}

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		FourCheckSummary summary;
		try {
			if (scope.recording != null) {
				Recording recording = checks.find(scope.recording)
					.orElseThrow(() -> CustodiaException.notFound("error.recording-not-found", scope.recording));
				FourChecks.Report report = checks.recording(recording, Locale.ENGLISH);
				report.recordings().forEach(check -> print(out, check));
				summary = report.summary();
			}
			else if (scope.caseId != null) {
				String agency = checks.agencyOfCase(scope.caseId);
				FourChecks.Report report = checks.ofCase(agency, scope.caseId, Locale.ENGLISH);
				report.recordings().forEach(check -> print(out, check));
				summary = report.summary();
			}
			else {
				summary = checks.store(scope.agency, Locale.ENGLISH, check -> print(out, check));
			}
		}
		catch (CustodiaException e) {
			spec.commandLine().getErr().println(wording.text(e.messageKey(), Locale.SIMPLIFIED_CHINESE, e.arguments()));
			spec.commandLine().getErr().println(wording.text(e.messageKey(), Locale.ENGLISH, e.arguments()));
			return 2;
		}
		for (Locale locale : new Locale[] { Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH }) {
			out.println(wording.text("four.summary-line", locale, Integer.toString(summary.getRecordings()),
					Integer.toString(summary.getOverall().get(FourCheck.Result.PASS)),
					Integer.toString(summary.getOverall().get(FourCheck.Result.WARN)),
					Integer.toString(summary.getOverall().get(FourCheck.Result.FAIL))));
		}
		out.println(summary.getResult().name() + " / " + wording.text("four.result." + summary.getResult().name(),
				Locale.SIMPLIFIED_CHINESE));
		out.flush();
		return summary.getResult() == FourCheck.Result.FAIL ? 1 : 0;
	}

	/** One recording: its checks, each in Chinese, then in English. */
	private void print(PrintWriter out, RecordingCheck check) {
		out.println(check.result().name() + "  " + check.originalName() + "  " + check.recordingId() + "  " + check.sha256());
		for (FourCheck each : check.checks()) {
			out.printf("  %-4s %s · %s：%s%n", each.result().name(),
					wording.text("four.property." + each.property().name(), Locale.SIMPLIFIED_CHINESE),
					wording.text("four.check." + each.kind().code(), Locale.SIMPLIFIED_CHINESE),
					wording.basis(each, Locale.SIMPLIFIED_CHINESE));
			out.printf("       %s · %s: %s%n", wording.text("four.property." + each.property().name(), Locale.ENGLISH),
					wording.text("four.check." + each.kind().code(), Locale.ENGLISH), each.basis());
		}
		out.flush();
	}
}
