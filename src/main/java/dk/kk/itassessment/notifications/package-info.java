/**
 * Notifications: people subscribe to a case and are told of its changes by e-mail, batched, none lost, none twice.
 * Listens to {@code cases.CasesOpened} and {@code cases.CaseChanged} in the transaction of the change and writes the mails to an outbox table of its
 * own (V34), which a sender delivers afterwards over SMTP, or into a drop folder without a mail server.
 *
 * <p>Why an outbox of our own rather than Spring Modulith's JDBC event publication registry: what must survive a
 * crash is not "a listener has yet to run" but one mail per recipient and batch, with its own state (PENDING, SENT,
 * FAILED), attempts, last error and Message-ID, that later events of the same case join and that admins list. The
 * registry keeps serialized events per listener and would need that table anyway (and a dependency the service does
 * not have); the outbox row is the mail itself, written with the change, and its status is the whole story.
 */
package dk.kk.itassessment.notifications;
