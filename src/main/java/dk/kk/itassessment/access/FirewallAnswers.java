package dk.kk.itassessment.access;

import dk.kk.itassessment.platform.ErrorAnswers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * A request Spring Security's firewall refuses (a path with {@code //}, {@code ;}, {@code ..}, an encoded
 * {@code %} or {@code .}, a header with a control character) is a 400 problem with the security headers, as every
 * other refusal; the filters that would write the headers never run for it. Spring Security takes this bean as its
 * firewall's handler.
 */
@Component
class FirewallAnswers implements RequestRejectedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        ErrorAnswers.write(response, HttpServletResponse.SC_BAD_REQUEST);
    }
}
