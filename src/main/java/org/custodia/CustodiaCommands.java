package org.custodia;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The workstation's commands ({@code java -jar custodia.jar verify}, …): the application without its
 * web server, on the same data directory and database, whether or not the server is running.
 */
@Command(name = "custodia", mixinStandardHelpOptions = true,
		description = "Custodia 执法音像记录管理系统 — commands for the workstation")
final class CustodiaCommands {

	static final Set<String> COMMANDS = Set.of("verify", "checkpoint", "public-key", "prove", "import", "help", "check-four",
			"fixity");

	private CustodiaCommands() {
	}

	static boolean isCommand(String[] args) {
		return args.length > 0 && COMMANDS.contains(args[0]);
	}

	static int run(String[] args) {
		List<String> settings = new ArrayList<>(List.of("--custodia.cli=true", "--custodia.ledger.checkpoints=false", "--custodia.device.reminder-schedule=false",
				"--custodia.ingest.sm3-schedule=false", "--custodia.media.work-schedule=false", "--db-scheduler.enabled=false", "--custodia.fixity.schedule=false",
				"--custodia.retention.disposal-schedule=false",
				"--spring.main.banner-mode=off", "--logging.level.root=WARN", "--logging.level.org.flywaydb=ERROR", "--spring.main.log-startup-info=false"));
		List<String> command = new ArrayList<>();
		for (String arg : args) {
			boolean setting = arg.startsWith("--") && arg.contains("=")
					&& (arg.startsWith("--custodia.") || arg.startsWith("--spring.") || arg.startsWith("--logging."));
			(setting ? settings : command).add(arg);
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CustodiaApplication.class)
			.web(WebApplicationType.NONE)
			.run(settings.toArray(String[]::new))) {
			CommandLine line = new CommandLine(new CustodiaCommands());
			context.getBeansWithAnnotation(Command.class).values().forEach(line::addSubcommand);
			line.addSubcommand("help", new CommandLine.HelpCommand());
			return line.execute(command.toArray(String[]::new));
		}
	}
}
