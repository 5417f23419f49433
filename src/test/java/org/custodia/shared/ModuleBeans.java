package org.custodia.shared;

import java.util.Arrays;
import java.util.List;

import org.springframework.context.ApplicationContext;

/** What a module test's context holds of other modules: it must start without the modules above its own. */
public final class ModuleBeans {

	private ModuleBeans() {
	}

	/** The classes of the context's beans that belong to any of the named modules ({@code org.custodia.<module>…}). */
	public static List<String> of(ApplicationContext context, String... modules) {
		String pattern = "org\\.custodia\\.(" + String.join("|", modules) + ")(\\..*)?";
		return Arrays.stream(context.getBeanDefinitionNames())
			.map(context::getType)
			.filter(type -> type != null && type.getPackageName().matches(pattern))
			.map(Class::getName)
			.toList();
	}
}
