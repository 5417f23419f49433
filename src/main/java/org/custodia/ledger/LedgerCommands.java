package org.custodia.ledger;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The ledger's commands for {@code java -jar custodia.jar}: they work whether or not the server runs. */
final class LedgerCommands {

	private LedgerCommands() {
	}

	@Component
	@Command(name = "verify", mixinStandardHelpOptions = true,
			description = "Recompute the whole ledger, check it against every signed checkpoint (the database's, the copies "
					+ "kept in the data directory and on the second root, and the files given) and the registers against "
					+ "their entries; exit 0 only when intact. Writes nothing.")
	static class Verify implements Callable<Integer> {

		@Option(names = "--checkpoint", paramLabel = "FILE",
				description = "a checkpoint kept outside (signed note text, as downloaded or saved); may be repeated")
		List<Path> checkpoints = List.of();

		@Spec
		CommandSpec spec;

		private final LedgerVerifier verifier;

		private final MessageSource messages;

		Verify(LedgerVerifier verifier, MessageSource messages) {
			this.verifier = verifier;
			this.messages = messages;
		}

		@Override
		public Integer call() throws IOException {
			List<KeptCheckpoints.Kept> given = new java.util.ArrayList<>();
			for (Path file : checkpoints) {
				given.add(new KeptCheckpoints.Kept(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
			}
			LedgerVerifier.Report report = verifier.verify(given);
			PrintWriter out = spec.commandLine().getOut();
			String root = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(report.rootHash()));
			if (report.intact()) {
				out.println("intact: " + report.size() + " entries, root " + root);
				out.println("完好：共 " + report.size() + " 条记录，根哈希 " + root + "，已核对 " + report.checkpoints() + " 个签名检查点"
						+ (checkpoints.isEmpty() ? "" : "，且包含所给检查点"));
			}
			else {
				out.println("NOT INTACT: " + (report.findings().size() + report.disagreementsFound()) + " finding(s) in "
						+ report.size() + " entries");
			}
			if (report.newest() != null) {
				out.println(report.newest().describe(messages, Locale.ENGLISH));
				out.println(report.newest().describe(messages, Locale.SIMPLIFIED_CHINESE));
			}
			for (LedgerVerifier.Finding finding : report.findings()) {
				out.println("- " + finding.describe(messages, Locale.ENGLISH));
				out.println("  " + finding.describe(messages, Locale.SIMPLIFIED_CHINESE));
			}
			for (Disagreement disagreement : report.disagreements()) {
				out.println("- " + LedgerVerifier.describe(disagreement, messages, Locale.ENGLISH));
				out.println("  " + LedgerVerifier.describe(disagreement, messages, Locale.SIMPLIFIED_CHINESE));
			}
			if (report.disagreementsFound() > report.disagreements().size()) {
				out.println("  … " + report.disagreementsFound() + " register rows disagree in all / 共 "
						+ report.disagreementsFound() + " 处登记与账本不符");
			}
			return report.intact() ? 0 : 1;
		}

	}

	@Component
	@Command(name = "checkpoint", mixinStandardHelpOptions = true,
			description = "Sign the current tree now and print the checkpoint (signed note).")
	static class Checkpoint implements Callable<Integer> {

		@Option(names = "--out", paramLabel = "FILE", description = "also write the checkpoint to this file")
		Path out;

		@Spec
		CommandSpec spec;

		private final LedgerCheckpoints checkpoints;

		private final LedgerKeys keys;

		Checkpoint(LedgerCheckpoints checkpoints, LedgerKeys keys) {
			this.checkpoints = checkpoints;
			this.keys = keys;
		}

		@Override
		public Integer call() throws IOException {
			Optional<LedgerCheckpoints.StoredCheckpoint> signed = checkpoints.checkpoint();
			if (signed.isEmpty()) {
				spec.commandLine().getErr().println("The ledger is empty: nothing to sign. / 账本为空，没有可签名的内容。");
				return 1;
			}
			spec.commandLine().getOut().print(signed.get().note());
			spec.commandLine().getOut().flush();
			if (out != null) {
				// With the verifier key, as the page's download: a later verify can tell a replaced key from a forgery.
				Files.writeString(out, signed.get().note() + "\n" + keys.verifierKey().text() + "\n", StandardCharsets.UTF_8);
			}
			return 0;
		}
	}

	@Component
	@Command(name = "public-key", mixinStandardHelpOptions = true,
			description = "Print the ledger's verifier key (signed-note format).")
	static class PublicKey implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		private final LedgerKeys keys;

		PublicKey(LedgerKeys keys) {
			this.keys = keys;
		}

		@Override
		public Integer call() {
			spec.commandLine().getOut().println(keys.verifierKey().text());
			return 0;
		}
	}

	@Component
	@Command(name = "prove", mixinStandardHelpOptions = true,
			description = "Print an inclusion proof (--index N --size S) or a consistency proof (--from A --to B), base64 hashes.")
	static class Prove implements Callable<Integer> {

		@Option(names = "--index") Long index;

		@Option(names = "--size") Long size;

		@Option(names = "--from") Long from;

		@Option(names = "--to") Long to;

		@Spec
		CommandSpec spec;

		private final LedgerProofs proofs;

		Prove(LedgerProofs proofs) {
			this.proofs = proofs;
		}

		@Override
		public Integer call() {
			PrintWriter out = spec.commandLine().getOut();
			List<byte[]> proof;
			if (index != null && size != null) {
				proof = proofs.inclusion(index, size);
				out.println("inclusion of entry " + index + " in tree of size " + size + ", root "
						+ Base64.getEncoder().encodeToString(proofs.root(size)));
			}
			else if (from != null && to != null) {
				proof = proofs.consistency(from, to);
				out.println("consistency of tree " + from + " with tree " + to + ", roots "
						+ Base64.getEncoder().encodeToString(proofs.root(from)) + " "
						+ Base64.getEncoder().encodeToString(proofs.root(to)));
			}
			else {
				spec.commandLine().getErr().println("Give --index and --size, or --from and --to.");
				return 2;
			}
			proof.forEach(hash -> out.println(Base64.getEncoder().encodeToString(hash)));
			return 0;
		}
	}
}
