package org.custodia;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.custodia.shared.CommandHeadStart;
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

	/** What one argument is to the commands. */
	enum Kind {
		/** A setting of the application ({@code --custodia.data-dir=…}), as the server takes it. */
		SETTING,
		/** A setting only the web server reads ({@code --server.port=8080}, {@code --management.…}): accepted, ignored. */
		SERVER_SETTING,
		/** The command's own: its name, options and parameters. */
		COMMAND
	}

	private static final java.util.regex.Pattern DOTTED_SETTING = java.util.regex.Pattern
		.compile("^--[a-z][a-z0-9-]*(\\.[A-Za-z0-9\\[\\]_-]+)+=.*", java.util.regex.Pattern.DOTALL);

	/**
	 * A dotted name with a value is a setting, as Spring reads them from the server's command line; a command's
	 * options have no dots ({@code --agency=…}).
	 */
	static Kind kind(String arg) {
		if (!DOTTED_SETTING.matcher(arg).matches()) {
			return Kind.COMMAND;
		}
		return arg.startsWith("--server.") || arg.startsWith("--management.") ? Kind.SERVER_SETTING : Kind.SETTING;
	}

	static int run(String[] args) {
		List<String> settings = new ArrayList<>(List.of("--custodia.cli=true", "--custodia.ledger.checkpoints=false", "--custodia.device.reminder-schedule=false",
				"--custodia.ingest.sm3-schedule=false", "--custodia.media.work-schedule=false", "--db-scheduler.enabled=false", "--custodia.fixity.schedule=false",
				"--custodia.retention.disposal-schedule=false",
				"--spring.main.banner-mode=off", "--logging.level.root=WARN", "--logging.level.org.flywaydb=ERROR", "--spring.main.log-startup-info=false"));
		List<String> command = new ArrayList<>();
		for (String arg : args) {
			switch (kind(arg)) {
				case SETTING -> settings.add(arg);
				case SERVER_SETTING -> {
					// the server's own (its port, its actuator): the same command line starts both; a command has no use for them
				}
				case COMMAND -> command.add(arg);
			}
		}
		// An import copies while the application starts; nothing of it counts before the application checked it.
		CommandHeadStart headStart = java.util.ServiceLoader.load(CommandHeadStart.Factory.class)
			.stream()
			.map(factory -> factory.get().begin(command, settings))
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElse(null);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CustodiaApplication.class)
			.web(WebApplicationType.NONE)
			.initializers(starting -> {
				if (headStart != null) {
					starting.getBeanFactory().registerSingleton("commandHeadStart", headStart);
				}
			})
			.run(settings.toArray(String[]::new))) {
			CommandLine line = new CommandLine(new CustodiaCommands());
			context.getBeansWithAnnotation(Command.class).values().forEach(line::addSubcommand);
			line.addSubcommand("help", new CommandLine.HelpCommand());
			return line.execute(command.toArray(String[]::new));
		}
		finally {
			if (headStart != null) {
				headStart.close();
			}
		}
	}
}
