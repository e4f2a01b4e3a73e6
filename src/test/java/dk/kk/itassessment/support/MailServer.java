package dk.kk.itassessment.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The one real SMTP server of the test run (GreenMail), on a free port of the loopback interface, started before the
 * shared context creates its beans: its port is {@code assessment.test.smtp-port}, which {@link IntegrationTest}
 * gives the service as {@code spring.mail.port}. Tests may stop it (the mail server down) and start it again on the
 * same port; what it received before is forgotten then.
 */
public final class MailServer {

    private static GreenMail server;
    private static int port;

    private MailServer() {
    }

    /** The server's port, starting it the first time. */
    public static synchronized int port() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            server.start();
            port = server.getSmtp().getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(MailServer::stop, "greenmail-stop"));
        }
        return port;
    }

    /** The mail server goes away: connections to its port are refused. */
    public static synchronized void stop() {
        if (server != null && server.isRunning()) {
            server.stop();
        }
    }

    /** The mail server is back, on the same port, empty. */
    public static synchronized void start() {
        if (server == null) {
            port();
            return;
        }
        if (!server.isRunning()) {
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    /** Every message received since the server last started. */
    public static synchronized List<MimeMessage> received() {
        return server == null || !server.isRunning() ? List.of() : Arrays.asList(server.getReceivedMessages());
    }

    /** The messages received for {@code recipient} (compared ignoring case). */
    public static List<MimeMessage> to(String recipient) {
        return received().stream().filter(m -> {
            try {
                Address[] to = m.getAllRecipients();
                return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        /** Before any bean reads {@code spring.mail.*}: the server runs and its port is known. */
        @Bean
        static BeanFactoryPostProcessor mailServerPort(ConfigurableEnvironment environment) {
            environment.getPropertySources().addLast(new MapPropertySource("greenmail",
                    Map.of("assessment.test.smtp-port", port())));
            return beanFactory -> { };
        }
    }
}
