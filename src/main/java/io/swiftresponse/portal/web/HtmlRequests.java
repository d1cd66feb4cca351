package io.swiftresponse.portal.web;

import jakarta.servlet.http.HttpServletRequest;

/** Tells a person's browser (which gets HTML pages) from an API client (which gets problem+json). */
final class HtmlRequests {

    private HtmlRequests() {
    }

    static boolean wantsHtml(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.startsWith("/open311/") || path.startsWith("/v3/") || path.startsWith("/actuator")) {
            return false;
        }
        if (isHtmx(request)) {
            return true;
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }

    static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }
}
