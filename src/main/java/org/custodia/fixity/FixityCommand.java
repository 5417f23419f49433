package org.custodia.fixity;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar custodia.jar fixity [--repair]}: one whole sweep on the workstation, whether or not the
 * server runs; exits 0 only when nothing is left bad.
 */
@Component
@Command(name = "fixity", mixinStandardHelpOptions = true,
		description = "Read every stored copy again and compare it with its hashes (SHA-256, SM3 where held); with "
				+ "--repair replace a bad or missing copy from a good one. Exit 0 only when nothing is left bad.")
class FixityCommand implements Callable<Integer> {

	@Option(names = "--repair", description = "replace a bad or missing copy from a good one, verified again first")
	boolean repair;

	@Spec
	CommandSpec spec;

	private final FixitySweeps sweeps;

	private final FixityRepository rows;

	FixityCommand(FixitySweeps sweeps, FixityRepository rows) {
		this.sweeps = sweeps;
		this.rows = rows;
	}

	@Override
	public Integer call() {
		Sweep sweep = sweeps.runWhole("cli:" + System.getProperty("user.name", "workstation"), repair);
		PrintWriter out = spec.commandLine().getOut();
		long damaged = sweep.findings() - sweep.lost() - sweep.orphans();
		out.printf("完整性巡检：已读取 %d 个文件（%d 字节）；损坏或缺失 %d 个，已修复 %d 个；全部副本损坏（已丢失）%d 个；无记录对应的文件 %d 个。%n",
				sweep.keysChecked(), sweep.bytesRead(), damaged, sweep.repaired(), sweep.lost(), sweep.orphans());
		out.printf("Fixity sweep: %d keys read (%d bytes); %d damaged or missing, %d repaired; %d lost (no good copy); "
				+ "%d orphan file(s).%n", sweep.keysChecked(), sweep.bytesRead(), damaged, sweep.repaired(), sweep.lost(),
				sweep.orphans());
		for (Finding finding : rows.ofSweep(sweep.id())) {
			out.printf("- %s %s primary=%s second=%s%s%n", finding.kind(), finding.storeKey(), finding.primaryState(),
					finding.secondState() == null ? "-" : finding.secondState(),
					finding.repair() == null ? "" : " repair=" + finding.repair()
							+ (finding.repairProblem() == null ? "" : " (" + finding.repairProblem() + ")"));
		}
		if (sweep.problem() != null) {
			out.println("巡检中断 / sweep failed: " + sweep.problem());
		}
		if (!sweep.leftBad()) {
			out.println("结果：完好。 / Result: intact.");
			return 0;
		}
		out.println("结果：有未修复的问题，请查看完整性巡检页面。 / Result: problems left unrepaired; see the fixity page.");
		return 1;
	}
}
