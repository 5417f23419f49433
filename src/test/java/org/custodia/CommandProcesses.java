package org.custodia;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The workstation's command line as a process of its own, on a data directory, to be killed or waited for. */
final class CommandProcesses {

	private CommandProcesses() {
	}

	/** {@code java … CustodiaApplication <args> --custodia.data-dir=<dataDir>}, standard error merged into output. */
	static Process command(Path dataDir, String... args) throws IOException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
				CustodiaApplication.class.getName()));
		command.addAll(List.of(args));
		command.add("--custodia.data-dir=" + dataDir);
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.PIPE).start();
	}

	/** An import of the card's folder for the agency's device, the card's parent an import root. */
	static Process importing(Path dataDir, Path card, String agency, String device) throws IOException {
		return command(dataDir, "import", card.toString(), "--agency", agency, "--device", device,
				"--custodia.ingest.import-roots." + agency + "=" + card.getParent());
	}
}
