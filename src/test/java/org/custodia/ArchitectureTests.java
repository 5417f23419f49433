package org.custodia;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;

/**
 * What Spring Modulith does not check: where servlet, controller and file code may live, how many
 * collaborators a controller has, and how beans are injected.
 */
class ArchitectureTests {

	private static final DescribedPredicate<JavaClass> CONTROLLERS = DescribedPredicate.describe("controllers",
			type -> type.isAnnotatedWith(Controller.class) || type.isMetaAnnotatedWith(Controller.class));

	/**
	 * The security filter chain works on the account principal, which stays package-private in identity:
	 * its filters, handlers, configuration and problem writer keep to the module's root.
	 */
	private static final DescribedPredicate<JavaClass> SECURITY_FILTER_CHAIN = resideInAPackage("org.custodia.identity")
		.and(simpleNameEndingWith("Filter").or(simpleNameEndingWith("Handler"))
			.or(simpleNameEndingWith("Configuration"))
			.or(simpleNameEndingWith("Problems")))
		.as("identity's security filter chain");

	private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.custodia");

	@Test
	void servletTypesOnlyInWebLayersAndTheSecurityFilters() {
		noClasses().that()
			.resideOutsideOfPackage("..web..")
			.and(not(SECURITY_FILTER_CHAIN))
			.should()
			.dependOnClassesThat()
			.resideInAPackage("jakarta.servlet..")
			.check(classes);
	}

	@Test
	void controllersLiveInTheWebPackageOfTheirModule() {
		classes().that(CONTROLLERS).should().resideInAPackage("..web..").check(classes);
	}

	/**
	 * A controller takes a request, calls a facade of its module and renders: it integrates nothing. Counted
	 * both ways, so that neither a second constructor nor a field set some other way hides a collaborator.
	 */
	@Test
	void noControllerHasMoreThanFiveCollaborators() {
		classes().that(CONTROLLERS).should(haveAtMostCollaborators(5)).check(classes);
	}

	@Test
	void domainFacadesDoNotTouchServletTypes() {
		noClasses().that()
			.haveSimpleNameNotEndingWith("Controller")
			.and().haveSimpleNameNotEndingWith("Advice")
			.and().haveSimpleNameNotEndingWith("Filter")
			.and().haveSimpleNameNotEndingWith("Handler")
			.and().haveSimpleNameNotEndingWith("HandlerMapping")
			.and().haveSimpleNameNotEndingWith("Problems")
			.and().haveSimpleNameNotEndingWith("Configuration")
			// the shared web layer (error pages, request limits) is servlet plumbing by nature
			.and().resideOutsideOfPackage("org.custodia.web")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("jakarta.servlet..")
			.check(classes);
	}

	/**
	 * Media is among them: FFmpeg reads and writes files by path, so a derived copy is made in a work
	 * directory and put into the store from there, and originals of stores without local files are
	 * copied there first.
	 */
	@Test
	void fileAccessOnlyWhereFilesAreTheJob() {
		noClasses().that()
			.resideOutsideOfPackages("org.custodia.storage..", "org.custodia.ingest..", "org.custodia.policy..",
					"org.custodia.ledger..", "org.custodia.shared..", "org.custodia.media..")
			.should()
			.dependOnClassesThat()
			.haveFullyQualifiedName("java.nio.file.Files")
			.check(classes);
	}

	/** The recording is the recording module's: ingest sits above it and nobody reaches into ingest for one. */
	@Test
	void noClassOutsideIngestDependsOnIngest() {
		noClasses().that()
			.resideOutsideOfPackage("org.custodia.ingest..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.custodia.ingest..")
			.check(classes);
	}

	@Test
	void noFieldInjection() {
		noFields().should()
			.beAnnotatedWith(org.springframework.beans.factory.annotation.Autowired.class)
			.check(classes);
	}

	@Test
	void timeComesFromTheInjectedClock() {
		noClasses().should()
			.callMethod(java.time.Instant.class, "now")
			.orShould()
			.callMethod(java.time.LocalDateTime.class, "now")
			.orShould()
			.callMethod(java.time.LocalDate.class, "now")
			.check(classes);
	}

	private static ArchCondition<JavaClass> haveAtMostCollaborators(int most) {
		return new ArchCondition<>("have at most " + most + " collaborators (constructor parameters, final fields)") {
			@Override
			public void check(JavaClass type, ConditionEvents events) {
				type.getConstructors().stream()
					.filter(constructor -> constructor.getRawParameterTypes().size() > most)
					.forEach(constructor -> events.add(SimpleConditionEvent.violated(constructor,
							constructor.getFullName() + " takes " + constructor.getRawParameterTypes().size())));
				long finalFields = type.getFields().stream()
					.filter(field -> field.getModifiers().contains(JavaModifier.FINAL)
							&& !field.getModifiers().contains(JavaModifier.STATIC))
					.count();
				if (finalFields > most) {
					events.add(SimpleConditionEvent.violated(type,
							type.getName() + " keeps " + finalFields + " collaborators in final fields"));
				}
			}
		};
	}
}
