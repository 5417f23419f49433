package org.custodia.identity;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A user an administrator creates. The initial password must be changed at the first interactive login.
 *
 * @param agency the agency code; null only for another installation administrator
 * @param unitId the unit within that agency
 * @param roles role codes such as {@code officer} or {@code legal-head}
 */
public record NewUser(@NotBlank @Pattern(regexp = "^[a-zA-Z0-9._-]{3,64}$") String username,
		@NotBlank @Size(max = 200) String displayName, String agency, UUID unitId, @NotEmpty List<String> roles,
		@NotBlank String initialPassword) {
}
