/**
 * Users, roles and data scope by unit, login (session with CSRF for browsers, HTTP Basic for API
 * clients), and the audit of personal-data access.
 */
package io.swiftresponse.identity;
