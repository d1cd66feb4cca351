package io.swiftresponse.portal.web;

import io.swiftresponse.shared.web.Problem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors in a browser become a page a person can act on (or, for an htmx request, a small alert fragment),
 * in the user's language, instead of a problem+json document. Runs before the problem+json advice and
 * steps aside (returns {@code null}) for API clients, so {@code /api/**} keeps its RFC 9457 answers.
 */
@Component
class HtmlErrorResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(HtmlErrorResolver.class);

    private final io.swiftresponse.identity.CurrentUsers users;

    HtmlErrorResolver(io.swiftresponse.identity.CurrentUsers users) {
        this.users = users;
    }

    /** The statuses with their own message; others share the nearest one. */
    static final class ErrorCodes {
        private ErrorCodes() {
        }

        static int pageCode(int status) {
            return switch (status) {
                case 400, 401, 403, 404, 405, 409, 413, 429 -> status;
                default -> status >= 500 ? 500 : 400;
            };
        }
    }

    @Override
    public int getOrder() {
        // after Boot's DefaultErrorAttributes (which only records the error), before the @ExceptionHandler advice
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!HtmlRequests.wantsHtml(request)) {
            return null;
        }
        int status;
        String detail = null;
        String reference = null;
        if (ex instanceof Problem p) {
            status = p.status().value();
            detail = p.getMessage();
        } else if (ex instanceof ErrorResponse er) {
            status = er.getStatusCode().value();
        } else if (ex instanceof TypeMismatchException || ex instanceof MissingServletRequestParameterException
                || ex instanceof jakarta.validation.ConstraintViolationException) {
            status = 400;
        } else if (ex instanceof org.springframework.security.access.AccessDeniedException
                || ex instanceof org.springframework.security.core.AuthenticationException) {
            return null; // Spring Security's own handling: login redirect or its 403 page
        } else {
            status = 500;
            reference = UUID.randomUUID().toString();
            log.error("Unexpected failure on a page, reference {}", reference, ex);
        }
        ModelAndView mav = new ModelAndView(HtmlRequests.isHtmx(request) ? "error :: alert" : "error");
        mav.addObject("status", status);
        mav.addObject("code", ErrorCodes.pageCode(status));
        mav.addObject("detail", detail);
        mav.addObject("reference", reference);
        // the page frame needs what NavigationAdvice gives normal pages
        users.find().ifPresent(u -> {
            mav.addObject("me", u);
            mav.addObject("nav", NavigationAdvice.Navigation.forRole(u.role()));
        });
        mav.addObject("path", request.getRequestURI().substring(request.getContextPath().length()));
        mav.setStatus(org.springframework.http.HttpStatusCode.valueOf(status));
        return mav;
    }
}
