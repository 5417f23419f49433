package org.custodia.ingest;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.custodia.shared.CustodiaException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code java -jar custodia.jar import <folder> --agency <code> --device <number> [--officer <id>]}: the
 * custodian at the workstation imports a docked device; exit 1 when any file could not be stored,
 * after storing all the others. The folder must lie under a dock root or the agency's import roots, as
 * for the API: whoever runs the command reads the store already, but what it imports becomes evidence
 * that others may download, so Custodia's own data and other folders are refused here too.
 */
@Component
@Command(name = "import", mixinStandardHelpOptions = true,
		description = "Import every file of a folder (a docked device, an SD card) into the store.")
class ImportCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "FOLDER")
	Path folder;

	@Option(names = "--agency", required = true)
	String agency;

	@Option(names = "--device", required = true, description = "the device's number in the register")
	String device;

	@Option(names = "--officer", description = "the officer's user id, when not the device's holder")
	UUID officer;

	@Option(names = "--remove-from-device",
			description = "afterwards remove from the device the files whose stored copy is verified (where the workstation allows it)")
	boolean removeFromDevice;

	@Option(names = "--quiet", description = "no progress bar")
	boolean quiet;

	@Spec
	CommandSpec spec;

	private final FolderImports imports;

	private final MessageSource messages;

	private final ObjectProvider<ImportHeadStart> headStart;

	ImportCommand(FolderImports imports, MessageSource messages, ObjectProvider<ImportHeadStart> headStart) {
		this.imports = imports;
		this.messages = messages;
		this.headStart = headStart;
	}

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		FolderImports.Imported imported;
		var custodian = WorkstationCustodian.console(agency);
		// Relative to where the command runs; then the same roots as for the API (ImportRoots).
		Path folder = this.folder.toAbsolutePath();
		ImportHeadStart copying = headStart.getIfAvailable();
		try (ConsoleProgress progress = new ConsoleProgress(quiet)) {
			imported = imports.importFolder(custodian, agency, device, officer, folder, removeFromDevice, progress, copying);
		}
		catch (CustodiaException e) {
			spec.commandLine().getErr().println(messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(),
					java.util.Locale.SIMPLIFIED_CHINESE) + (e.citation() == null ? "" : "（" + e.citation() + "）"));
			return 2;
		}
		List<RecordingImports.Outcome> outcomes = imported.outcomes();
		long failed = outcomes.stream().filter(outcome -> outcome.result() == ImportResult.FAILED).count();
		for (RecordingImports.Outcome outcome : outcomes) {
			out.printf("%-9s %s%s%s%n", outcome.result().name(), outcome.file(), problem(outcome),
					outcome.lateMinutes() == null ? "" : "  [" + messages.getMessage("player.late", new Object[] {
							new org.custodia.shared.HumanUnits(messages).span(outcome.lateMinutes(), java.util.Locale.ENGLISH) },
							java.util.Locale.ENGLISH) + "]");
		}
		for (DeviceCleanup.Removal removal : imported.removals()) {
			out.printf("%-9s %s%s%n", removal.removed() ? "REMOVED" : "KEPT", removal.file(),
					removal.removed() ? "" : "  [" + removal.reason() + "]");
		}
		long skipped = outcomes.stream().filter(o -> o.result() == ImportResult.SKIPPED).count();
		long already = outcomes.stream().filter(o -> o.result() == ImportResult.ALREADY_IMPORTED).count();
		out.printf("%d files: %d stored, %d already stored, %d failed%s%s%n", outcomes.size(),
				outcomes.stream().filter(o -> o.result() == ImportResult.STORED).count(),
				outcomes.stream().filter(o -> o.result() == ImportResult.DUPLICATE).count(), failed,
				already == 0 ? "" : ", " + already + " already imported (not read again)",
				skipped == 0 ? "" : ", " + skipped + " skipped");
		out.flush();
		return failed == 0 ? 0 : 1;
	}

	/** Why a file failed, in words the custodian can act on; a stored file's flag as it is. */
	private String problem(RecordingImports.Outcome outcome) {
		if (outcome.problem() == null) {
			return "";
		}
		String key = outcome.result() == ImportResult.FAILED ? outcome.problem()
				: outcome.result() == ImportResult.SKIPPED ? "imports.flag." + outcome.problem() : null;
		if (key == null) {
			return "  [" + outcome.problem() + "]";
		}
		return "  [" + outcome.problem() + "] "
				+ messages.getMessage(key, null, outcome.problem(), java.util.Locale.SIMPLIFIED_CHINESE);
	}
}
