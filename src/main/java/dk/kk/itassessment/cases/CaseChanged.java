package dk.kk.itassessment.cases;

import java.time.Instant;
import java.util.List;

/**
 * A case changed: published in the transaction of the change (a listener that throws rolls it back; one that
 * reacts after the commit listens with {@code @TransactionalEventListener}). {@code events} are the history entries
 * the change appended, in order ({@code OPENED}, {@code ITEM_DONE}, {@code GRANTED}, …); {@code internal} when every
 * one of them is about an internal comment (not for requesters).
 */
public record CaseChanged(String number, long version, String actor, Instant at, List<String> events, boolean internal) {
}
