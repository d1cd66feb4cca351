package io.swiftresponse.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with a problem document, what cannot be read at all, before any other filter trips over it:
 * <ul>
 * <li>a body whose {@code Content-Type} is a wildcard ({@code application/*}) or unparseable: 415 (Spring would
 * otherwise fail with an internal error when it copies the header);</li>
 * <li>a query string or form body that is not valid percent-encoded UTF-8: 400 (the container would otherwise
 * throw from whichever security filter first reads a parameter, and answer with its own error page);</li>
 * <li>a parameter holding a NUL character, which no parameter may hold and the database cannot store: 400.</li>
 * </ul>
 * Multipart bodies are left to Spring's multipart handling.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class UnreadableRequestFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        if (hasBody && contentType != null && !contentType.isBlank() && !concrete(contentType)) {
            write(response, 415, "unsupported-media-type", "Unsupported media type",
                    "The Content-Type header must name one concrete media type, such as application/json.");
            return;
        }
        if (contentType == null || !contentType.toLowerCase().startsWith("multipart/")) {
            try {
                if (containsNul(request.getParameterMap())) {
                    write(response, 400, "malformed-request", "Malformed request",
                            "A request parameter contains a NUL character (%00), which no parameter may hold.");
                    return;
                }
            } catch (InvalidParameterException e) {
                int status = e.getErrorCode() >= 400 && e.getErrorCode() < 500 ? e.getErrorCode() : 400;
                write(response, status, "malformed-request", "Malformed request",
                        "The query string or form body is not valid percent-encoded UTF-8, or exceeds the container's limits.");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean containsNul(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> p : parameters.entrySet()) {
            if (p.getKey().indexOf('\0') >= 0) return true;
            for (String value : p.getValue()) if (value != null && value.indexOf('\0') >= 0) return true;
        }
        return false;
    }

    private static boolean concrete(String contentType) {
        try {
            return MediaType.parseMediaType(contentType).isConcrete();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static void write(HttpServletResponse response, int status, String type, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"" + ProblemTypes.BASE + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }
}
