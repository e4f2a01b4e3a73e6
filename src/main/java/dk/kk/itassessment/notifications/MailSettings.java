package dk.kk.itassessment.notifications;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;

/**
 * {@code assessment.mail.*}, read again from the environment at every poll of the sender (so that a deployment's
 * configuration, or a test, can change the transport of the next mail without a restart).
 *
 * @param from            the sender address of every mail
 * @param transport       {@code auto} (SMTP when {@code spring.mail.host} is set, else the drop folder), {@code smtp}
 *                        or {@code drop}
 * @param dropDir         where the .eml files go without a mail server
 * @param batchWindow     events of a case that follow each other within this become one mail per recipient
 * @param batchMax        the longest a batch collects events: a busy case is still told
 * @param pollInterval    how often the sender looks for due mails
 * @param maxAttempts     tries before a mail is FAILED
 * @param retryDelay      the wait after the first failed try; doubled after each further one, up to {@code retryMax}
 * @param retryMax        the longest wait between tries
 * @param overdueInterval how often the check for cases that became overdue runs
 * @param unsubscribeKey  the HMAC key of the unsubscribe links (base64, 32 bytes or more); unset: generated and kept
 *                        in the database (table mail_keys)
 */
record MailSettings(@DefaultValue("it-assessment@localhost") String from, @DefaultValue("auto") String transport,
                    @DefaultValue(".data/mail") Path dropDir, @DefaultValue("5m") Duration batchWindow,
                    @DefaultValue("30m") Duration batchMax, @DefaultValue("2s") Duration pollInterval,
                    @DefaultValue("8") int maxAttempts, @DefaultValue("30s") Duration retryDelay,
                    @DefaultValue("30m") Duration retryMax, @DefaultValue("1h") Duration overdueInterval,
                    String unsubscribeKey) {

    static MailSettings of(Environment environment) {
        return Binder.get(environment).bindOrCreate("assessment.mail", MailSettings.class);
    }

    /** Whether the mails go to the drop folder rather than to {@code spring.mail.host}. */
    boolean dropsFiles(Environment environment) {
        return switch (transport) {
            case "drop" -> true;
            case "smtp" -> false;
            default -> !environment.containsProperty("spring.mail.host")
                    || environment.getProperty("spring.mail.host", "").isBlank();
        };
    }

    /** The wait before attempt {@code attempts + 1}, after {@code attempts} failed ones. */
    Duration backoff(int attempts) {
        Duration delay = retryDelay;
        for (int i = 1; i < attempts && delay.compareTo(retryMax) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(retryMax) > 0 ? retryMax : delay;
    }
}
