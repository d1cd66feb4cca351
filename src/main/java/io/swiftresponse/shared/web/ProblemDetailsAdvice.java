package io.swiftresponse.shared.web;

import jakarta.validation.ConstraintViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every error leaves the API as {@code application/problem+json} with a stable type, a message a person
 * can act on and, for input errors, the field at fault. Unexpected failures are logged with a reference
 * the operator can search for; the client sees the reference, never the stack trace.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(Problem.class)
    ResponseEntity<ProblemDetail> problem(Problem p) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(p.status(), p.getMessage());
        body.setType(ProblemTypes.of(p.type()));
        body.setTitle(p.title());
        p.properties().forEach(body::setProperty);
        return ResponseEntity.status(p.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "a valid value" : describe(e.getRequiredType());
        return problem(Problem.invalidField(e.getName(), "must be " + expected));
    }

    @ExceptionHandler(RequestBodyTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(RequestBodyTooLargeException e) {
        return problem(new Problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large", e.getMessage()));
    }

    /**
     * A body or parameters the container cannot even parse: a broken multipart body, a form body or query string
     * that is not valid percent-encoding, or characters the firewall refuses when parameters are read.
     */
    @ExceptionHandler({MultipartException.class, RequestRejectedException.class,
            org.apache.tomcat.util.http.InvalidParameterException.class})
    ResponseEntity<ProblemDetail> unparseableRequest(Exception e) {
        return problem(new Problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                e instanceof MultipartException ? "The multipart request body could not be parsed."
                        : "The request parameters or form body could not be parsed or contain characters that are not allowed."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected failure, reference {}", reference, e);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Nothing was changed. Quote reference " + reference + " to the operator.");
        body.setType(ProblemTypes.of("internal-error"));
        body.setTitle("Internal error");
        body.setProperty("reference", reference);
        return ResponseEntity.internalServerError().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError fe : ex.getBindingResult().getFieldErrors()) {
            String message = String.valueOf(fe.getDefaultMessage());
            if (fe.contains(ConstraintViolation.class)) {
                message = ConstraintMessages.of(fe.unwrap(ConstraintViolation.class), message);
            }
            errors.add(Map.of("field", fe.getField(), "message", message));
        }
        ex.getBindingResult().getGlobalErrors()
                .forEach(ge -> errors.add(Map.of("field", ge.getObjectName(), "message", String.valueOf(ge.getDefaultMessage()))));
        errors.sort((a, b) -> a.get("field").compareTo(b.get("field")));
        ProblemDetail body = validation(errors);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err -> {
            String message = String.valueOf(err.getDefaultMessage());
            try {
                message = ConstraintMessages.of(r.unwrap(err, ConstraintViolation.class), message);
            } catch (IllegalArgumentException notAViolation) {
                // an error that does not come from a constraint keeps its own message
            }
            errors.add(Map.of("field", String.valueOf(r.getMethodParameter().getParameterName()), "message", message));
        }));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(validation(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        // the limit is hit while the body is read, so the exception may be wrapped by the JSON parser
        for (Throwable t = ex.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof RequestBodyTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(tooLarge(tooLarge).getBody());
            }
        }
        String detail = "The request body is not valid JSON for this endpoint.";
        String field = null;
        if (ex.getCause() instanceof JacksonException je) {
            field = path(je);
            String original = je.getOriginalMessage();
            if (original != null && original.startsWith("Unrecognized property")) {
                detail = "Unknown field '" + field + "': remove it or check its spelling.";
            } else if (field != null && !field.isEmpty() && original != null
                    && original.contains(NulFreeJsonStrings.NUL_REFUSAL)) {
                detail = "Field '" + field + "' contains a NUL character (U+0000), which no text may hold: send plain text.";
            } else if (field != null && !field.isEmpty()) {
                detail = "Field '" + field + "' has a value of the wrong type or format.";
            } else if (original != null) {
                detail = "Malformed JSON: " + firstLine(original);
            }
        } else if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
            detail = "A JSON request body is required.";
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        body.setType(ProblemTypes.of("malformed-body"));
        body.setTitle("Malformed request body");
        if (field != null && !field.isEmpty()) {
            body.setProperty("field", field);
        }
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail pd && pd.getType() != null
                && "about:blank".equals(pd.getType().toString())) {
            pd.setType(ProblemTypes.of("http-" + statusCode.value()));
        }
        if (response != null && response.getBody() instanceof ProblemDetail) {
            // a fixed content type, so the problem is written even when the client's Accept header matches nothing
            HttpHeaders fixed = new HttpHeaders();
            fixed.putAll(response.getHeaders());
            fixed.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            return new ResponseEntity<>(response.getBody(), fixed, response.getStatusCode());
        }
        return response;
    }

    private static ProblemDetail validation(List<Map<String, String>> errors) {
        String detail = errors.isEmpty() ? "The request is invalid."
                : errors.get(0).get("field") + ": " + errors.get(0).get("message")
                        + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        body.setType(ProblemTypes.of("invalid-field"));
        body.setTitle("Invalid field");
        if (!errors.isEmpty()) {
            body.setProperty("field", errors.get(0).get("field"));
        }
        body.setProperty("errors", errors);
        return body;
    }

    private static String path(JacksonException je) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : je.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) sb.append('.');
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String describe(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) return "a number";
        if (type.isEnum()) return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        return "a valid " + type.getSimpleName();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
