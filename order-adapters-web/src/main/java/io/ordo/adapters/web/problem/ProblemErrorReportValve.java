package io.ordo.adapters.web.problem;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error answers (a request it cannot parse, headers over its limit, an error past Spring) as
 * problem+json with the security headers, instead of its HTML page. Installed as the host's error report valve.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String code = Problems.codeFor(status);
        HttpStatus known = HttpStatus.resolve(status);
        // Tomcat's thread has no Spring context here: five known fields, written by hand
        String body =
                "{\"type\":\"https://ordo.io/problems/%s\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\",\"code\":\"%s\"}"
                        .formatted(
                                code.toLowerCase(Locale.ROOT).replace('_', '-'),
                                known == null ? "Error" : known.getReasonPhrase(),
                                status,
                                status >= 500
                                        ? "The service failed to answer."
                                        : "The request cannot be served as sent.",
                                code);
        try {
            Problems.SECURITY_HEADERS.forEach(response::setHeader);
            response.setContentType(Problems.PROBLEM_JSON.toString());
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException gone) {
            // the client is gone or the answer is already on its way: nothing more to say
        }
    }
}
