package dk.kk.itassessment.notifications;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one-click unsubscribe links (RFC 8058): {@code <public-url>/mail/unsubscribe/<nonce>.<HMAC-SHA256 of it>}, the
 * nonce being the subscription's token. The signature refuses a forged link before the database is asked; the token
 * is single use because unsubscribing takes it away. The key is {@code assessment.mail.unsubscribe-key} (base64, 32
 * bytes or more), or one generated once and kept in the database (table mail_keys), shared by every instance.
 */
@Component
class UnsubscribeLinks {

    static final String PATH = "/mail/unsubscribe/";
    private static final Pattern TOKEN = Pattern.compile("([0-9a-f-]{36})\\.([A-Za-z0-9_-]{43})");

    private final JdbcClient jdbc;
    private final Environment environment;
    private final Clock clock;
    private final String publicUrl;
    private final TransactionTemplate own;
    private volatile byte[] key;

    UnsubscribeLinks(JdbcClient jdbc, Environment environment, Clock clock, PlatformTransactionManager transactions,
                     @Value("${assessment.public-url:http://localhost:8080}") String publicUrl) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.environment = environment;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    String publicUrl() {
        return publicUrl;
    }

    String link(UUID token) {
        return publicUrl + PATH + token + "." + sign(token);
    }

    /** The token a link names when its signature is right; empty for anything else. */
    Optional<UUID> verify(String link) {
        var m = link == null || link.length() > 100 ? null : TOKEN.matcher(link);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        UUID token;
        try {
            token = UUID.fromString(m.group(1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        boolean right = MessageDigest.isEqual(sign(token).getBytes(StandardCharsets.US_ASCII),
                m.group(2).getBytes(StandardCharsets.US_ASCII));
        return right ? Optional.of(token) : Optional.empty();
    }

    private String sign(UUID token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] signature = mac.doFinal(("unsubscribe:" + token).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private byte[] key() {
        byte[] known = key;
        if (known != null) {
            return known;
        }
        String configured = MailSettings.of(environment).unsubscribeKey();
        if (configured != null && !configured.isBlank()) {
            byte[] decoded = Base64.getDecoder().decode(configured.strip());
            if (decoded.length < 32) {
                throw new IllegalStateException("assessment.mail.unsubscribe-key must be at least 32 bytes (base64)");
            }
            known = decoded;
        } else {
            byte[] generated = new byte[32];
            new SecureRandom().nextBytes(generated);
            // committed on its own, whatever the caller's transaction does: a key in use is never forgotten
            known = own.execute(status -> {
                jdbc.sql("insert into mail_keys (name, secret, created_at) values ('unsubscribe', ?, ?)"
                                + " on conflict (name) do nothing")
                        .params(generated, Timestamp.from(Instant.now(clock))).update();
                return jdbc.sql("select secret from mail_keys where name = 'unsubscribe'").query(byte[].class).single();
            });
        }
        key = known;
        return known;
    }
}
