package dk.kk.itassessment.cases;

import dk.kk.itassessment.access.Caller;

/**
 * Being told of a case's changes, as the case page offers it: implemented by the module that sends the e-mails
 * (notifications), which depends on cases, so that the page needs no dependency the other way. Without an
 * implementation the page shows no subscription button.
 */
public interface CaseSubscriptions {

    /** Whether the caller's e-mail address is told of the case's changes. */
    boolean isSubscribed(String number, Caller caller);

    /** Subscribes the caller (404 when the case is not theirs to read, 422 for an account without an e-mail address). */
    void subscribe(String number, Caller caller);

    /** Unsubscribes the caller (also when they were not subscribed). */
    void unsubscribe(String number, Caller caller);
}
