package dk.kk.itassessment.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Where a mail goes, decided again at every poll from the configuration as it is then: over SMTP to
 * {@code spring.mail.host} (with Spring Boot's {@code spring.mail.*}), or, without a host (the embedded default) or
 * with {@code assessment.mail.transport=drop}, as an .eml file in {@code assessment.mail.drop-dir}, named after the
 * outbox row, so that a mail written again after a crash replaces its file rather than adding one.
 */
@Component
class Delivery {

    private final Environment environment;

    Delivery(Environment environment) {
        this.environment = environment;
    }

    /** One way of delivering, for one poll's mails; closed after them. */
    interface Transport extends AutoCloseable {
        Session session();

        void deliver(MimeMessage message, Outbox.Row row) throws MessagingException;

        @Override
        void close();
    }

    Transport transport(MailSettings settings) {
        return settings.dropsFiles(environment) ? new DropFolder(settings.dropDir()) : smtp();
    }

    /**
     * Spring Boot's {@code spring.mail.*} as they are now; one connection to the server for all the mails of a poll
     * (opened at the first, opened again after a failure), rather than one per mail.
     */
    private Transport smtp() {
        MailProperties properties = Binder.get(environment).bindOrCreate("spring.mail", MailProperties.class);
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(properties.getHost());
        if (properties.getPort() != null) {
            sender.setPort(properties.getPort());
        }
        sender.setUsername(properties.getUsername());
        sender.setPassword(properties.getPassword());
        sender.setProtocol(properties.getProtocol());
        sender.setDefaultEncoding(properties.getDefaultEncoding().name());
        Properties javaMail = new Properties();
        javaMail.putAll(properties.getProperties());
        sender.setJavaMailProperties(javaMail);
        return new Smtp(sender);
    }

    private static final class Smtp implements Transport {
        private final JavaMailSenderImpl sender;
        private jakarta.mail.Transport connection;

        Smtp(JavaMailSenderImpl sender) {
            this.sender = sender;
        }

        @Override
        public Session session() {
            return sender.getSession();
        }

        @Override
        public void deliver(MimeMessage message, Outbox.Row row) throws MessagingException {
            try {
                if (connection == null || !connection.isConnected()) {
                    close();
                    connection = sender.getSession().getTransport(sender.getProtocol());
                    connection.connect(sender.getHost(), sender.getPort(), sender.getUsername(), sender.getPassword());
                }
                message.saveChanges();
                connection.sendMessage(message, message.getAllRecipients());
            } catch (MessagingException | RuntimeException e) {
                close(); // the next mail starts on a new connection
                throw e;
            }
        }

        @Override
        public void close() {
            if (connection != null) {
                try {
                    connection.close();
                } catch (MessagingException e) {
                    // gone already
                }
                connection = null;
            }
        }
    }

    private record DropFolder(Path dir) implements Transport {

        @Override
        public Session session() {
            return Session.getInstance(new Properties());
        }

        @Override
        public void deliver(MimeMessage message, Outbox.Row row) throws MessagingException {
            try {
                Files.createDirectories(dir);
                Path file = dir.resolve(row.caseNumber() + "-" + row.id() + ".eml");
                Path partial = dir.resolve(file.getFileName() + ".part");
                try (OutputStream out = Files.newOutputStream(partial)) {
                    message.saveChanges();
                    message.writeTo(out);
                }
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
        }
    }
}
