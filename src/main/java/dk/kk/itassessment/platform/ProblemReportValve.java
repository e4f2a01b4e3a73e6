package dk.kk.itassessment.platform;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.MediaType;

/**
 * Tomcat's own error pages (a request it refuses before the application sees it: a malformed request line or
 * header, an encoded slash, a path above the root, an unsupported HTTP version) as problem details with the security
 * headers, in place of Tomcat's HTML page. Errors inside the application never get here: Spring's error page has
 * answered them already ({@link ErrorPage}).
 */
public class ProblemReportValve extends ErrorReportValve {

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
        try {
            ErrorAnswers.secure(response);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(new String(ErrorAnswers.json(ErrorAnswers.problem(status, ErrorAnswers.detail(status))),
                        StandardCharsets.UTF_8));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client has gone or the answer is committed: nothing more to tell it
        }
    }
}
