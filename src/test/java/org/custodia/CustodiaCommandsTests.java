package org.custodia;

import static org.assertj.core.api.Assertions.assertThat;

import org.custodia.CustodiaCommands.Kind;
import org.junit.jupiter.api.Test;

/** Which arguments of a command are settings, which are the server's alone, and which are the command's. */
class CustodiaCommandsTests {

	@Test
	void theServersOwnSettingsAreAcceptedAndIgnored() {
		assertThat(CustodiaCommands.kind("--server.port=8080")).isEqualTo(Kind.SERVER_SETTING);
		assertThat(CustodiaCommands.kind("--server.servlet.session.timeout=30m")).isEqualTo(Kind.SERVER_SETTING);
		assertThat(CustodiaCommands.kind("--management.endpoints.web.exposure.include=health,info"))
			.isEqualTo(Kind.SERVER_SETTING);
	}

	@Test
	void dottedSettingsGoToTheApplication() {
		assertThat(CustodiaCommands.kind("--custodia.data-dir=/srv/custodia")).isEqualTo(Kind.SETTING);
		assertThat(CustodiaCommands.kind("--spring.datasource.url=jdbc:postgresql://db/custodia")).isEqualTo(Kind.SETTING);
		assertThat(CustodiaCommands.kind("--logging.level.root=INFO")).isEqualTo(Kind.SETTING);
		assertThat(CustodiaCommands.kind("--db-scheduler.enabled=false")).isEqualTo(Kind.SETTING);
		assertThat(CustodiaCommands.kind("--custodia.ingest.import-roots.zhanhe-health=/media")).isEqualTo(Kind.SETTING);
	}

	@Test
	void theCommandsOwnOptionsAndParametersStayTheCommands() {
		assertThat(CustodiaCommands.kind("import")).isEqualTo(Kind.COMMAND);
		assertThat(CustodiaCommands.kind("--agency=zhanhe-health")).isEqualTo(Kind.COMMAND);
		assertThat(CustodiaCommands.kind("--agency")).isEqualTo(Kind.COMMAND);
		assertThat(CustodiaCommands.kind("/media/card.v2/DCIM")).isEqualTo(Kind.COMMAND);
		assertThat(CustodiaCommands.kind("--server.port")).isEqualTo(Kind.COMMAND);
	}
}
