package org.custodia.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.custodia.CustodiaApplication;
import org.custodia.shared.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.ClassPathResource;

/** A broken policy file in the data directory stops the application before it serves anyone. */
class StartupRefusalTests {

	@Test
	void brokenPolicyFileRefusesStartupNamingFileLineAndField() throws IOException {
		Path dataDir = TestDatabases.newDataDirectory();
		Path file = dataDir.resolve("policies/kaifeng-audit.yaml");
		Files.createDirectories(file.getParent());
		String shipped = new ClassPathResource("policies/kaifeng-audit.yaml").getContentAsString(StandardCharsets.UTF_8);
		Files.writeString(file, shipped.replace("workdayEnds: {time: \"18:00\"", "workdayEnds: {time: \"6 pm\""));
		int line = shipped.lines().toList().indexOf(shipped.lines().filter(text -> text.startsWith("  workdayEnds:")).findFirst()
			.orElseThrow()) + 1;

		assertThatThrownBy(() -> new SpringApplicationBuilder(CustodiaApplication.class)
			.run("--custodia.data-dir=" + dataDir, "--spring.datasource.url=" + TestDatabases.h2Url(), "--server.port=0")
			.close())
			.satisfies(failure -> {
				Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
				assertThat(cause).isInstanceOf(PolicyFileException.class);
				PolicyFileException problem = (PolicyFileException) cause;
				assertThat(problem.file()).isEqualTo(file.toString());
				assertThat(problem.field()).isEqualTo("ingest.workdayEnds.time");
				assertThat(problem.line()).isEqualTo(line);
				assertThat(problem.getMessage()).contains(file.toString(), "line " + line, "ingest.workdayEnds.time");
			});
	}
}
