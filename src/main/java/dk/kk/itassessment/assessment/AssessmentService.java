package dk.kk.itassessment.assessment;

import dk.kk.itassessment.access.Caller;
import dk.kk.itassessment.access.Role;
import dk.kk.itassessment.assessment.store.AssessmentStore;
import dk.kk.itassessment.audit.Actors;
import dk.kk.itassessment.intake.AssessmentRequest;
import dk.kk.itassessment.intake.RequestReader;
import dk.kk.itassessment.platform.Conflict;
import dk.kk.itassessment.platform.InvalidRequest;
import dk.kk.itassessment.platform.JsonBody;
import dk.kk.itassessment.platform.NotFound;
import dk.kk.itassessment.platform.Paging;
import dk.kk.itassessment.platform.Problems;
import dk.kk.itassessment.platform.Sha256;
import dk.kk.itassessment.platform.Text;
import dk.kk.itassessment.policy.Evaluation;
import dk.kk.itassessment.policy.PolicyEngine;
import dk.kk.itassessment.policy.facts.Acquisition;
import dk.kk.itassessment.policy.facts.Lookups;
import dk.kk.itassessment.registry.Names;
import dk.kk.itassessment.registry.Registry;
import dk.kk.itassessment.registry.RegistrySnapshot;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one service that ties the features together: read the request → look the solution and supplier up in the
 * registry → evaluate the policy → store → answer. Nothing is stored unless all of it succeeded. The look-ups are
 * made in the registry in memory ({@link Registry#snapshot()}); the assessment is stored only if the registry has
 * not changed since, else looked up and decided again.
 */
@Service
public class AssessmentService {

    /** Dates (permission and agreement end dates) are the municipality's. */
    public static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    /** Looked up and decided again at most this often in all, when the registry changes meanwhile each time. */
    private static final int MAX_ATTEMPTS = 10;
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x20-\\x7E]{1,100}");

    private final JsonBody jsonBody;
    private final RequestReader reader;
    private final Registry registry;
    private final PolicyEngine policy;
    private final EvaluationLane lane;
    private final AssessmentStore store;
    private final Clock clock;
    private final JsonMapper json;
    private final AssessmentMetrics metrics;

    AssessmentService(JsonBody jsonBody, RequestReader reader, Registry registry, PolicyEngine policy,
                      EvaluationLane lane, AssessmentStore store, Clock clock, JsonMapper json,
                      AssessmentMetrics metrics) {
        this.metrics = metrics;
        this.jsonBody = jsonBody;
        this.reader = reader;
        this.registry = registry;
        this.policy = policy;
        this.lane = lane;
        this.store = store;
        this.clock = clock;
        this.json = json;
    }

    /**
     * The answer to a submitted request as JSON in UTF-8 (serialised once: the same bytes are stored and sent), its
     * id, and whether it was stored now (201) or earlier under the same key (200).
     */
    public record Outcome(UUID id, byte[] answer, boolean created) {
    }

    public Outcome assess(byte[] body, String idempotencyKey, Caller caller) {
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidRequest("The Idempotency-Key header is not valid.", List.of(new Problems.FieldError(
                    "Idempotency-Key", "1 to 100 printable ASCII characters")));
        }
        Received received = read(body);
        String bodyHash = idempotencyKey == null ? null : Sha256.hex(body);
        if (idempotencyKey != null) {
            var earlier = store.findByIdempotencyKey(caller.username(), idempotencyKey);
            if (earlier.isPresent()) {
                return repeat(earlier.get(), bodyHash);
            }
        }
        AssessmentRequest.Requester requester = received.request().requester();
        RegistrySnapshot registryAt = registry.snapshot();
        for (int attempt = 1; ; attempt++) {
            Decided decided = decide(received, registryAt);
            Instant storedAt = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
            AssessmentView answer = decided.view().stored(UUID.randomUUID(), store.nextCaseNumber(storedAt), storedAt);
            Optional<byte[]> stored = store.store(new AssessmentStore.NewAssessment(answer, decided.matches(),
                    registryAt.version(), Names.normalise(requester.institution()), requester.email(),
                    caller.username(), idempotencyKey, bodyHash, Actors.current(), received.request(),
                    decided.evaluation()));
            if (stored.isPresent()) {
                metrics.stored(decided.evaluation());
                return new Outcome(answer.id(), stored.get(), true);
            }
            if (idempotencyKey != null) { // a concurrent retry with the same key stored first?
                var earlier = store.findByIdempotencyKey(caller.username(), idempotencyKey);
                if (earlier.isPresent()) {
                    return repeat(earlier.get(), bodyHash);
                }
            }
            // else the registry changed after the look-ups: look up in it as it is now and decide again
            if (attempt == MAX_ATTEMPTS) {
                throw new IllegalStateException("The registry changed " + attempt + " times while one assessment was made");
            }
            registryAt = registry.newerThan(registryAt.version());
        }
    }

    /** The same decision as {@link #assess}, stored nowhere, as JSON text. */
    public String preview(byte[] body) {
        return json.writeValueAsString(decide(read(body), null).view());
    }

    /** The stored request of an assessment decided again now: the registry as it is, the active rule-set version. Stores nothing. */
    public Evaluation decideAgain(UUID assessmentId) {
        String request = store.request(assessmentId)
                .orElseThrow(() -> new NotFound("No assessment with id " + assessmentId + "."));
        JsonNode tree = json.readTree(request);
        return decide(new Received(tree, reader.read(tree)), null).evaluation();
    }

    /**
     * A stored assessment, as the JSON text it was answered with. One the caller may not read is answered like an
     * unknown id, so that its existence is not told.
     */
    public String find(String id, Caller caller) {
        return AssessmentStore.id(id).flatMap(store::find).filter(stored -> stored.readableBy(readerOf(caller)))
                .map(AssessmentStore.Stored::answer)
                .orElseThrow(() -> new NotFound("No assessment with id " + Text.shorten(id, 40) + "."));
    }

    /**
     * A page of stored assessments as JSON text: {@code {"items": [...], "page", "size", "total"}}; only those the
     * caller may read. Empty parameters count as absent; every bad one is named.
     */
    public String list(String route, String institution, String page, String size, Caller caller) {
        List<Problems.FieldError> errors = new java.util.ArrayList<>();
        Paging paging = Paging.of(page, size, (field, message) -> errors.add(new Problems.FieldError(field, message)));
        String routeFilter = route == null || route.isEmpty() ? null : route;
        if (routeFilter != null && !Evaluation.ROUTES.contains(routeFilter)) {
            errors.add(new Problems.FieldError("route", "must be one of " + String.join(", ", new java.util.TreeSet<>(Evaluation.ROUTES))));
        }
        String institutionFilter = institution == null || institution.isBlank() ? null : institution;
        if (institutionFilter != null) {
            String forbidden = Text.forbiddenInLine(institutionFilter);
            if (forbidden != null || institutionFilter.length() > 200) {
                errors.add(new Problems.FieldError("institution", forbidden != null ? forbidden : "at most 200 characters"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest("The query has invalid parameters.", errors);
        }
        String key = institutionFilter == null ? null : Names.normalise(institutionFilter);
        AssessmentStore.Reader reader = readerOf(caller);
        return "{\"items\":[" + String.join(",", store.page(routeFilter, key, reader, paging)) + "],\"page\":"
                + paging.page() + ",\"size\":" + paging.size() + ",\"total\":" + store.count(routeFilter, key, reader) + "}";
    }

    /**
     * Reviewers, policy officers and admins read every assessment ({@code null}); everyone else those they submitted
     * or that name their account's e-mail address as the requester's.
     */
    static AssessmentStore.Reader readerOf(Caller caller) {
        if (caller.hasAnyRole(Role.REVIEWER, Role.POLICY_OFFICER, Role.ADMIN)) {
            return null;
        }
        return new AssessmentStore.Reader(caller.username(), caller.email());
    }

    /** A repeat of the caller's own request with the same key: the first answer, if the body is the same. */
    private Outcome repeat(AssessmentStore.Stored earlier, String bodyHash) {
        if (!bodyHash.equals(earlier.bodySha256())) {
            throw new Conflict("The Idempotency-Key was already used for a different request body.");
        }
        String id = json.readTree(earlier.answer()).get("id").asString();
        return new Outcome(UUID.fromString(id), earlier.answer().getBytes(StandardCharsets.UTF_8), false);
    }

    private record Received(JsonNode tree, AssessmentRequest request) {
    }

    private record Decided(AssessmentView view, RecordedMatches matches, Evaluation evaluation) {
    }

    private Received read(byte[] body) {
        JsonNode tree = jsonBody.read(body);
        return new Received(tree, reader.read(tree));
    }

    /**
     * Looks the request up and evaluates the policy: in {@code registryAt} (the registry in memory), or when that is
     * null in the database as it is now (a preview, which stores nothing to check the version with).
     */
    private Decided decide(Received received, RegistrySnapshot registryAt) {
        AssessmentRequest request = received.request();
        AssessmentRequest.Solution solution = request.solution();
        LocalDate today = LocalDate.now(clock.withZone(COPENHAGEN));
        RecordedMatches matches = RecordedMatches.of(registryAt != null
                ? registryAt.lookup(solution.name(), solution.supplierName(), solution.supplierCvr(),
                        solution.category().name(), request.requester().institution(), today)
                : registry.lookup(solution.name(), solution.supplierName(), solution.supplierCvr(),
                        solution.category().name(), request.requester().institution(), today), today);
        Acquisition acquisition = PolicyFacts.acquisition(request);
        Lookups facts = matches.facts();
        Evaluation evaluation = lane.run(() -> metrics.timed(() -> policy.evaluate(acquisition, facts)));
        return new Decided(AssessmentView.of(evaluation, matches, received.tree()), matches, evaluation);
    }

}
