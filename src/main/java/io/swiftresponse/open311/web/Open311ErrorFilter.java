package io.swiftresponse.open311.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Under {@code /open311/} every error is an Open311 {@code errors} document in the format of the path's extension,
 * also when the request never reaches the controller: an unknown path, a wrong method, an oversized or unparseable
 * body, parameters that are not UTF-8. Outermost filter: it buffers the response and, when the status is an error
 * that the Open311 controller did not write itself, replaces the body (usually a problem document) with the same
 * facts in Open311 form; statuses other than 403, 404 and 429 become 400, as the specification asks.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311ErrorFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(Open311ErrorFilter.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/open311/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Buffered buffered = new Buffered(response);
        Format format = Format.ofPath(request.getRequestURI());
        try {
            chain.doFilter(request, buffered);
        } catch (Exception e) {
            log.debug("Open311 request failed before the controller", e);
            write(response, 400, "The request could not be read.", format);
            return;
        }
        buffered.flushBuffer();
        int status = buffered.status;
        if (status >= 400 && request.getAttribute(Calls.RENDERED) == null) {
            write(response, status == 403 || status == 404 || status == 429 || status >= 500 ? status : 400,
                    detail(buffered.body.toByteArray(), status), format);
            return;
        }
        response.setStatus(status);
        response.getOutputStream().write(buffered.body.toByteArray());
    }

    private static String detail(byte[] body, int status) {
        try {
            JsonNode problem = JSON.readTree(body);
            String detail = problem.path("detail").asString(null);
            if (detail != null && !detail.isBlank()) return detail;
        } catch (RuntimeException e) {
            // not a problem document: say what the status means
        }
        return switch (status) {
            case 404 -> "Unknown resource; see discovery.xml for the methods.";
            case 405 -> "This HTTP method is not supported here.";
            case 413 -> "The request body is too large.";
            case 415 -> "Send the form as application/x-www-form-urlencoded.";
            default -> "The request could not be processed.";
        };
    }

    private static void write(HttpServletResponse response, int status, String description, Format format) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setHeader("Content-Type", format.contentType);
        response.getOutputStream().write(DocWriter.write(Documents.errors(status, description), format));
    }

    /** Holds the whole response (Open311 answers are small) until the filter knows what to send. */
    private static final class Buffered extends HttpServletResponseWrapper {
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        int status = 200;
        private PrintWriter writer;
        private ServletOutputStream stream;

        Buffered(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int sc) {
            status = sc;
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc) {
            status = sc;
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc, String msg) {
            sendError(sc);
        }

        @Override
        public int getStatus() {
            return status;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) {
                        body.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        body.write(b, off, len);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                String cs = getCharacterEncoding();
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(),
                        cs == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(cs)), true);
            }
            return writer;
        }

        @Override
        public void flushBuffer() {
            if (writer != null) writer.flush();
        }

        @Override
        public void setContentLength(int len) {
        }

        @Override
        public void setContentLengthLong(long len) {
        }

        @Override
        public void resetBuffer() {
            body.reset();
        }

        @Override
        public void reset() {
            body.reset();
            super.reset();
        }

        @Override
        public boolean isCommitted() {
            return false;
        }
    }
}
