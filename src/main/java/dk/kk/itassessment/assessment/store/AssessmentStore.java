package dk.kk.itassessment.assessment.store;

import dk.kk.itassessment.assessment.AssessmentView;
import dk.kk.itassessment.assessment.RecordedMatches;
import dk.kk.itassessment.intake.AssessmentRequest;
import dk.kk.itassessment.platform.Paging;
import dk.kk.itassessment.policy.Evaluation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The stored assessments, behind one seam: store one, find one, list them, find one by its idempotency key, take a
 * case number. How they are stored is this package's own: a writer thread that stores the assessments of concurrent
 * requests together (group commit, {@link AssessmentWriter}), answers kept in parts (their checklist and
 * explanation once each, {@link AnswerParts}) and read back byte for byte, the rows and their SQL
 * ({@link Assessments}).
 */
@Component
public class AssessmentStore {

    private final Assessments assessments;
    private final AssessmentWriter writer;
    private final AnswerParts parts;
    private final CaseNumbers caseNumbers;

    AssessmentStore(Assessments assessments, AssessmentWriter writer, AnswerParts parts, CaseNumbers caseNumbers) {
        this.assessments = assessments;
        this.writer = writer;
        this.parts = parts;
        this.caseNumbers = caseNumbers;
    }

    /**
     * A decided assessment to store. {@code answer}: as it is answered (with its id, case number and time);
     * {@code matches}: what the registry matched, kept to evaluate it again; {@code registryVersion}: the version of
     * the registry the look-ups were made on, which must still be the registry's when it is stored;
     * {@code institutionKey}: the requester's institution, normalised, to filter by; {@code submitter}: the caller's
     * user name; {@code idempotencyKey} and {@code bodySha256}: null without a key; {@code actor}: the audit
     * trail's; {@code request} and {@code evaluation}: for {@link dk.kk.itassessment.assessment.AssessmentStored}.
     */
    public record NewAssessment(AssessmentView answer, RecordedMatches matches, long registryVersion,
                                String institutionKey, String requesterEmail, String submitter,
                                String idempotencyKey, String bodySha256, String actor, AssessmentRequest request,
                                Evaluation evaluation) {
    }

    /**
     * A stored answer as the JSON text it was given in, the hash of the body its idempotency key was used with
     * (null without a key), who submitted it (null before there were accounts) and the requester's e-mail address.
     */
    public record Stored(String answer, String bodySha256, String submittedBy, String requesterEmail) {

        /** Whether {@code reader} may read it; a null reader reads everything. */
        public boolean readableBy(Reader reader) {
            return reader == null || reader.username().equals(submittedBy)
                    || reader.email() != null && reader.email().equalsIgnoreCase(requesterEmail);
        }
    }

    /** A caller who reads only their own: those they submitted, or with their e-mail address as the requester's. */
    public record Reader(String username, String email) {
    }

    /** A stored assessment as far as evaluating it again needs: the decision column, the request and look-ups as JSON. */
    public record Recorded(UUID id, Instant assessedAt, String rulesetVersion, String rulesetFingerprint,
                           String decision, String request, String lookups) {
    }

    /** A new case number for an assessment stored at {@code storedAt}; never given again, even if it is not stored. */
    public String nextCaseNumber(Instant storedAt) {
        return caseNumbers.next(storedAt);
    }

    /**
     * Stores {@code assessment} with its audit entry, and publishes it in a
     * {@link dk.kk.itassessment.assessment.AssessmentsStored} (with the others stored together) in the same
     * transaction; committed when this returns.
     * The answer as JSON in UTF-8 (serialised once: the same bytes are stored and sent); empty when nothing was
     * stored, because the submitter's idempotency key is taken or the registry changed after the look-ups. What
     * storing throws (a listener's refusal too) is thrown here.
     */
    public Optional<byte[]> store(NewAssessment assessment) {
        AnswerParts.Split answer = parts.split(assessment.answer());
        return writer.store(assessments.row(assessment, answer)) ? Optional.of(answer.answer()) : Optional.empty();
    }

    public Optional<Stored> find(UUID id) {
        return assessments.find(id);
    }

    /** The assessment {@code submitter} stored with the idempotency key {@code key}. */
    public Optional<Stored> findByIdempotencyKey(String submitter, String key) {
        return assessments.findByIdempotencyKey(submitter, key);
    }

    /** The answers as JSON text, newest first; {@code route}, {@code institutionKey} and {@code reader} filter when not null. */
    public List<String> page(String route, String institutionKey, Reader reader, Paging paging) {
        return assessments.page(route, institutionKey, reader, paging);
    }

    public long count(String route, String institutionKey, Reader reader) {
        return assessments.count(route, institutionKey, reader);
    }

    /** The request of a stored assessment, as received (JSON text). */
    public Optional<String> request(UUID id) {
        return assessments.request(id);
    }

    public Optional<Recorded> recorded(UUID id) {
        return assessments.recorded(id);
    }

    /**
     * Up to {@code limit} assessments, newest first, after the one stored at {@code afterAt} with id {@code afterId}
     * in that order (the last of the page before; both null for the first page).
     */
    public List<Recorded> newest(int limit, Instant afterAt, UUID afterId) {
        return assessments.newest(limit, afterAt, afterId);
    }

    /** An explanation as stored (JSON text) and how many assessments got it. */
    public record Explanations(String explanation, long assessments) {
    }

    /** The explanations of the assessments {@code version} decided since {@code since}, each distinct one once. */
    public List<Explanations> explanations(String version, Instant since) {
        return assessments.explanations(version, since);
    }

    /** An assessment's id as given in a path; empty for one that is no UUID (answered as unknown). */
    public static Optional<UUID> id(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
