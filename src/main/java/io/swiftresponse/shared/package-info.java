/**
 * Plain values and platform infrastructure every module may use: the database (embedded or external),
 * RFC 9457 problem details for every error, request-size limits, the injected {@link java.time.Clock}.
 * Holds no business state.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.swiftresponse.shared;
