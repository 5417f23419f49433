package org.custodia;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** What Spring Modulith does not check: where servlet and file code may live, and how beans are injected. */
class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.custodia");

	@Test
	void servletTypesOnlyInWebLayersAndTheSecurityFilters() {
		noClasses().that()
			.resideOutsideOfPackages("..web..", "org.custodia.identity", "org.custodia.policy", "org.custodia.ingest",
					"org.custodia.ledger")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("jakarta.servlet..")
			.check(classes);
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
}
