package org.custodia;

import org.custodia.device.DeviceKind;
import org.custodia.device.DeviceRegister;
import org.custodia.device.NewDevice;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * bench/cli-start.sh's preparation: a data directory with its database made and one device registered, to be
 * copied for each timed {@code import}. Usage: {@code CliStartBenchmark <data-dir> <agency> <device number>}.
 */
public final class CliStartBenchmark {

	private CliStartBenchmark() {
	}

	public static void main(String[] args) {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CustodiaApplication.class)
			.web(WebApplicationType.NONE)
			.run("--custodia.data-dir=" + args[0], "--CUSTODIA_BOOTSTRAP_ADMIN_PASSWORD=Command-Line-2026",
					"--custodia.device.reminder-schedule=false", "--custodia.ledger.checkpoints=false",
					"--custodia.media.work-schedule=false", "--logging.level.root=WARN")) {
			app.getBean(DeviceRegister.class).register(new CommandLineTests.Custodian(args[1]),
					new NewDevice(args[1], args[2], DeviceKind.BODY_CAMERA, null, null, null, null, null, null, null, null,
							null, null));
		}
	}
}
