/**
 * The shared page shell: layout, navigation, home page, error pages and problem details, and the
 * language of every page. Depends on no feature module; modules add their own pages.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.custodia.web;
