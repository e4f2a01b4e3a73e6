package dk.kk.itassessment.assessment.store;

import dk.kk.itassessment.assessment.AssessmentView;
import dk.kk.itassessment.platform.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * An answer in the parts it is stored in: its checklist and its explanation, each stored once in
 * {@code answer_parts} under the SHA-256 of its JSON, and the rest of the answer, those two arrays left empty. A rule
 * set gives the same checklist and explanation to every request that fires the same rules, so most answers share
 * their parts with earlier ones; a part's JSON is written once and remembered (by the list's value).
 */
@Component
class AnswerParts {

    /**
     * How many parts' JSON, and how many parts as stored, are remembered at most (then forgotten all at once: written,
     * or stored with {@code on conflict do nothing}, again as they come).
     */
    private static final int REMEMBERED = 1_000;
    private static final byte[] CHECKLIST = "\"checklist\":[]".getBytes(StandardCharsets.UTF_8);
    private static final byte[] EXPLANATION = "\"explanation\":[]".getBytes(StandardCharsets.UTF_8);

    private final JsonMapper json;
    private final Map<List<?>, Part> written = new ConcurrentHashMap<>();
    /** The parts known to be in the table (committed): a part is never removed (the table refuses it). */
    private final Set<String> stored = ConcurrentHashMap.newKeySet();

    AnswerParts(JsonMapper json) {
        this.json = json;
    }

    /** A part: the SHA-256 (lower-case hex) of its JSON in UTF-8, and that JSON. */
    record Part(String sha256, byte[] body) {
    }

    /**
     * An answer: as given ({@code answer}, the JSON of the whole view in UTF-8, byte for byte what serialising the
     * view gives), and as stored ({@code rest}: with an empty checklist and explanation, and the two parts).
     */
    record Split(byte[] answer, byte[] rest, Part checklist, Part explanation) {
    }

    Split split(AssessmentView view) {
        Part checklist = part(view.checklist());
        Part explanation = part(view.explanation());
        byte[] rest = json.writeValueAsBytes(withoutParts(view));
        int c = indexOf(rest, CHECKLIST);
        int e = indexOf(rest, EXPLANATION);
        // where the database puts them back (the function assessment_answer): the first of each, the checklist first
        if (c < 0 || e < c) {
            throw new IllegalStateException("An answer whose checklist and explanation fields cannot be told apart");
        }
        int atChecklist = c + CHECKLIST.length - 2; // the "[]" to replace
        int atExplanation = e + EXPLANATION.length - 2;
        byte[] answer = new byte[rest.length - 4 + checklist.body().length + explanation.body().length];
        int at = 0;
        at = copy(rest, 0, atChecklist, answer, at);
        at = copy(checklist.body(), 0, checklist.body().length, answer, at);
        at = copy(rest, atChecklist + 2, atExplanation, answer, at);
        at = copy(explanation.body(), 0, explanation.body().length, answer, at);
        copy(rest, atExplanation + 2, rest.length, answer, at);
        return new Split(answer, rest, checklist, explanation);
    }

    /** Those of {@code parts} not known to be stored yet. */
    List<Part> notStored(List<Part> parts) {
        Map<String, Part> missing = new LinkedHashMap<>();
        for (Part part : parts) {
            if (!stored.contains(part.sha256())) {
                missing.putIfAbsent(part.sha256(), part);
            }
        }
        return List.copyOf(missing.values());
    }

    /** Remembers that {@code parts} are stored (committed). */
    void stored(List<Part> parts) {
        if (stored.size() >= REMEMBERED) {
            stored.clear();
        }
        parts.forEach(part -> stored.add(part.sha256()));
    }

    /**
     * Forgets which parts are stored, so that they are stored again as they come: after a row was refused, which
     * happens when a part remembered is not there (the database restored from an older backup, say).
     */
    void forgetStored() {
        stored.clear();
    }

    private Part part(List<?> items) {
        Part known = written.get(items);
        if (known != null) {
            return known;
        }
        byte[] body = json.writeValueAsBytes(items);
        Part part = new Part(Sha256.hex(body), body);
        if (written.size() >= REMEMBERED) {
            written.clear();
        }
        written.put(List.copyOf(items), part);
        return part;
    }

    /** {@code view} without its checklist and explanation (empty), which are stored apart. */
    private static AssessmentView withoutParts(AssessmentView view) {
        return new AssessmentView(view.id(), view.caseNumber(), view.assessedAt(), view.route(),
                view.newAcquisitionRequired(), view.securityReview(), view.riskTier(), view.dpiaRequired(),
                view.estimatedProcessingDays(), view.warnings(), List.of(), view.alternatives(), view.lookups(),
                List.of(), view.ruleset(), view.request());
    }

    private static int copy(byte[] from, int start, int end, byte[] to, int at) {
        System.arraycopy(from, start, to, at, end - start);
        return at + end - start;
    }

    /** Where {@code what} first starts in {@code in}, or -1. */
    private static int indexOf(byte[] in, byte[] what) {
        for (int i = 0; i <= in.length - what.length; i++) {
            if (in[i] == what[0] && Arrays.equals(in, i, i + what.length, what, 0, what.length)) {
                return i;
            }
        }
        return -1;
    }
}
