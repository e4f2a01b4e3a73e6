package dk.kk.itassessment.registry;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.dao.DuplicateKeyException;

/** Which unique constraint a statement broke, so that a 409 can say what clashed. */
final class Constraints {

    private Constraints() {
    }

    static String violated(DuplicateKeyException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException sql) {
                ServerErrorMessage message = sql.getServerErrorMessage();
                return message == null ? null : message.getConstraint();
            }
        }
        return null;
    }
}
