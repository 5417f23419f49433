import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.custodia.CustodiaApplication;
import org.custodia.device.DeviceKind;
import org.custodia.device.DeviceRegister;
import org.custodia.device.NewDevice;
import org.custodia.shared.Actor;
import org.custodia.shared.Role;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * bench/cli-start.sh's preparation, run as a source file on the jar's classes: a data directory with its database
 * made and one device registered, copied for each timed import. Arguments: data directory, agency, device number.
 */
public class CliStartDevice {

	record Custodian(String code) implements Actor {

		public UUID userId() {
			return new UUID(0, 2);
		}

		public String username() {
			return "bench-custodian";
		}

		public Optional<String> agency() {
			return Optional.of(code);
		}

		public Set<Role> roles() {
			return Set.of(Role.CUSTODIAN);
		}
	}

	public static void main(String[] args) {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CustodiaApplication.class)
			.web(WebApplicationType.NONE)
			.run("--custodia.data-dir=" + args[0], "--CUSTODIA_BOOTSTRAP_ADMIN_PASSWORD=Command-Line-2026",
					"--custodia.device.reminder-schedule=false", "--custodia.ledger.checkpoints=false",
					"--custodia.media.work-schedule=false", "--logging.level.root=WARN")) {
			app.getBean(DeviceRegister.class).register(new Custodian(args[1]), new NewDevice(args[1], args[2],
					DeviceKind.BODY_CAMERA, null, null, null, null, null, null, null, null, null, null));
		}
	}
}
