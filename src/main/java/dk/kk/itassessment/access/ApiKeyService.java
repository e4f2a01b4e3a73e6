package dk.kk.itassessment.access;

import dk.kk.itassessment.audit.Actors;
import dk.kk.itassessment.audit.AuditTrail;
import dk.kk.itassessment.platform.NotFound;
import java.nio.charset.StandardCharsets;
import dk.kk.itassessment.platform.Sha256;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Creating, listing and revoking API keys, and finding the holder of a key. A key is {@code itak_} and 32 random
 * bytes (base64url); only its SHA-256 is stored, so it is shown once, when it is created.
 */
@Service
class ApiKeyService {

    /** How every key begins: a bearer token without it is not an API key (a JWT, for instance). */
    static final String PREFIX = "itak_";
    private static final int SECRET_BYTES = 32;
    private static final Pattern FORMAT = Pattern.compile(Pattern.quote(PREFIX) + "[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How long a key found is used without asking the database again (and the longest a revocation takes effect). */
    static final Duration REMEMBERED = Duration.ofSeconds(5);
    private static final int MAX_REMEMBERED = 10_000;

    private final ApiKeys keys;
    private final AuditTrail audit;
    private final Clock clock;
    /** Keys found lately, by their hash: only keys that exist, so their number is bounded by the keys created. */
    private final ConcurrentMap<String, Remembered> recent = new ConcurrentHashMap<>();

    private record Remembered(ApiKeys.Holder holder, Instant until) {
    }

    ApiKeyService(ApiKeys keys, AuditTrail audit, Clock clock) {
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new key: its id and the key itself, which is not kept and cannot be shown again. */
    record Created(UUID id, String key) {
        @Override
        public String toString() {
            return "Created[id=" + id + "]";
        }
    }

    @Transactional
    Created create(ApiKeyFields.NewKey request) {
        UUID id = UUID.randomUUID();
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String actor = Actors.current();
        keys.insert(id, request.name(), hash(key), request.roles(), actor, now());
        audit.record(actor, "api-key.created", "api-key/" + id,
                Map.of("roles", request.roles().stream().map(Role::name).toList()));
        return new Created(id, key);
    }

    List<ApiKey> all() {
        return keys.all();
    }

    /** Revokes the key (204 again for one already revoked, with nothing to record); an unknown id is 404. */
    @Transactional
    void revoke(String id) {
        UUID uuid = uuid(id).orElseThrow(() -> notFound());
        forget(uuid);
        // and once more when the revocation is committed: a request in between may have found the key still valid
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                forget(uuid);
            }
        });
        if (keys.revoke(uuid, now())) {
            audit.record(Actors.current(), "api-key.revoked", "api-key/" + uuid, Map.of());
        } else if (keys.find(uuid).isEmpty()) {
            throw notFound();
        }
    }

    /**
     * The holder of an unrevoked key; empty for anything else. A key found is remembered for {@link #REMEMBERED}
     * (an intake form's key is sent with every request: one statement fewer each time); a key revoked through this
     * instance is forgotten at once, through another instance within that time. Unknown keys are never remembered,
     * so guessing cannot fill the memory.
     */
    Optional<ApiKeys.Holder> holder(String key) {
        if (key == null || !FORMAT.matcher(key).matches()) {
            return Optional.empty();
        }
        String hash = hash(key);
        Instant now = now();
        Remembered remembered = recent.get(hash);
        if (remembered != null && now.isBefore(remembered.until())) {
            return Optional.of(remembered.holder());
        }
        Optional<ApiKeys.Holder> found = keys.use(hash, now);
        if (found.isPresent()) {
            if (recent.size() >= MAX_REMEMBERED) {
                recent.values().removeIf(r -> !now.isBefore(r.until()));
            }
            recent.put(hash, new Remembered(found.get(), now.plus(REMEMBERED)));
        } else {
            recent.remove(hash);
        }
        return found;
    }

    private void forget(UUID id) {
        recent.values().removeIf(r -> r.holder().id().equals(id));
    }

    /** SHA-256 in hex: a fast hash is right for 256 random bits (nothing to guess, unlike a password). */
    static String hash(String key) {
        return Sha256.hex(key);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    private static Optional<UUID> uuid(String id) {
        try {
            return id.length() == 36 ? Optional.of(UUID.fromString(id)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static NotFound notFound() {
        return new NotFound("No API key with that id.");
    }
}
