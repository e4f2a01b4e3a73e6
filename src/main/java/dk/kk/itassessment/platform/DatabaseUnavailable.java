package dk.kk.itassessment.platform;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The database is gone or does not answer in time (down, restarting, stalled, out of connections): the request is
 * answered 503 with {@code Retry-After} and nothing of it is stored. The pool's and the driver's timeouts
 * ({@code spring.datasource.hikari.*} in application.properties) bound how long a request waits to find out.
 */
public final class DatabaseUnavailable extends RuntimeException {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);
    /** The {@code Retry-After} of a 503: how many seconds a client waits before it tries again. */
    public static final String RETRY_AFTER = "5";

    public DatabaseUnavailable(String message) {
        super(message);
    }

    /** Whether {@code failure} (or what caused it) says the database is unreachable or did not answer in time. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof DatabaseUnavailable || e instanceof DataAccessResourceFailureException
                    || e instanceof TransientDataAccessResourceException || e instanceof QueryTimeoutException
                    || e instanceof CannotAcquireLockException || e instanceof CannotCreateTransactionException
                    || e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                    || e instanceof SQLRecoverableException || e instanceof SocketTimeoutException) {
                return true;
            }
            if (e instanceof SQLException sql && sql.getSQLState() != null && unavailable(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQL states of a server that is not there for us: 08 (the connection), 53 (out of resources, e.g. too many
     * connections), 57P (shut down, restarting, not yet accepting connections), 57014 (a statement cancelled at
     * its timeout), 55P03 (a lock not obtained in time).
     */
    private static boolean unavailable(String state) {
        return state.startsWith("08") || state.startsWith("53") || state.startsWith("57P") || state.equals("57014")
                || state.equals("55P03");
    }

    /** For the log: what the innermost cause says, on one line (no SQL, no stack trace). */
    static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
        return root.getClass().getSimpleName() + ": " + (message.length() > 200 ? message.substring(0, 200) : message);
    }

    /**
     * The answer to a request that met {@code failure}: 503 problem details, to go with {@link #RETRY_AFTER}. One line
     * in the log, no stack trace: an outage fails every request alike.
     */
    public static ProblemDetail answer(Throwable failure) {
        log.warn("Answered 503: the database is not available ({})", reason(failure));
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable",
                "The service's database is not available at the moment; nothing was stored. Try again in a few "
                        + "seconds.");
    }
}
