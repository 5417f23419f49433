package org.custodia.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class PolicyFileReaderTests {

	static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

	static final List<String> AGENCIES = List.of("neiqiu-health", "pingdingshan-culture", "fengnan-medins",
			"zhanhe-health", "kaifeng-audit");

	private final PolicyFileReader reader = new PolicyFileReader(VALIDATOR);

	static String shipped(String code) throws IOException {
		return new ClassPathResource("policies/" + code + ".yaml").getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void readsEveryShippedPolicy() throws IOException {
		for (String code : AGENCIES) {
			AgencyPolicy policy = reader.read(code + ".yaml", shipped(code));
			assertThat(policy.code()).isEqualTo(code);
		}
	}
}
