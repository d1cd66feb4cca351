package io.swiftresponse.shared.web;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Errors Tomcat answers itself, before the application sees the request (a URL with an encoded slash, a null
 * character or bytes that are not UTF-8), leave as problem documents too instead of Tomcat's HTML page. Runs
 * after Spring Boot's own customizer, so this valve sits inside Boot's error report valve and reports first;
 * anything the application already answered is left alone.
 */
@Component
class ContainerErrorResponses implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
            context.getParent().getPipeline().addValve(new ProblemReportValve());
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Writes {@code application/problem+json} for a container error that has no body yet. */
    public static class ProblemReportValve extends ErrorReportValve {

        public ProblemReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String title = known == null ? "Error" : known.getReasonPhrase();
            String detail = status == 400
                    ? "The request could not be parsed: check the URL for malformed percent-encoding, encoded slashes, null characters or bytes that are not UTF-8."
                    : status >= 500 ? "Something went wrong on our side." : "The request could not be processed (" + title + ").";
            try {
                String uri = request.getRequestURI();
                if (uri != null && uri.startsWith("/open311/")) {
                    open311(response, status, uri);
                    return;
                }
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                PrintWriter writer = response.getReporter();
                if (writer != null) {
                    writer.write("{\"type\":\"" + ProblemTypes.BASE + "http-" + status + "\",\"title\":\"" + title + "\",\"status\":"
                            + status + ",\"detail\":\"" + detail + "\"}");
                    response.finishResponse();
                }
            } catch (Exception e) {
                // the connection is gone or the response is already committed; nothing more to say
            }
        }

        /** Open311 clients get the specification's {@code errors} document, in the format of the path's extension. */
        private static void open311(Response response, int status, String uri) throws java.io.IOException {
            int code = status == 403 || status == 404 || status >= 500 ? status : 400;
            String description = "The request could not be parsed: malformed percent-encoding, bytes that are not UTF-8, or a request line that is too long.";
            response.setStatus(code);
            PrintWriter writer;
            if (uri.endsWith(".json")) {
                response.setContentType("application/json;charset=utf-8");
                writer = response.getReporter();
                if (writer == null) return;
                writer.write("[{\"code\":" + code + ",\"description\":\"" + description + "\"}]");
            } else {
                response.setContentType("text/xml;charset=utf-8");
                writer = response.getReporter();
                if (writer == null) return;
                writer.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><errors><error><code>" + code + "</code><description>"
                        + description + "</description></error></errors>");
            }
            response.finishResponse();
        }
    }
}
