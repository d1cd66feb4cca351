/**
 * The web application's frame: layout, navigation by role, login and home pages, language switch, error
 * pages for browsers, the supervisor dashboard and the public citizen portal ({@code /portal}). Screens
 * that belong to one module's data live in that module's {@code web} package and share this module's
 * templates ({@code templates/layout.html}) and message bundles ({@code messages*.properties}).
 */

package io.swiftresponse.portal;
