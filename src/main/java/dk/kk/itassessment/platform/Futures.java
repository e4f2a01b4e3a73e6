package dk.kk.itassessment.platform;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work handed to another thread (an evaluation lane, a writer's thread). */
public final class Futures {

    private Futures() {
    }

    /**
     * The result of work handed to another thread: what the work threw is thrown here as it was. An interrupted
     * caller stops waiting and cancels {@code result} ({@code doing}: what was waited for): a task that has not
     * started does not run; work already under way finishes.
     */
    public static <T> T await(Future<T> result, String doing) {
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            result.cancel(false);
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted " + doing);
        }
    }
}
