package org.custodia.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * One module of the application with only the modules it builds on, on an in-memory H2, a fresh data
 * directory and the tests' clock (as {@link CustodiaIntegrationTest} gives the whole application).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ContextConfiguration(initializers = CustodiaIntegrationTest.H2DataDirectory.class)
@Import(CustodiaIntegrationTest.TestClock.class)
public @interface CustodiaModuleTest {
}
