package dk.kk.itassessment.cases;

import dk.kk.itassessment.rulesets.ActiveVersionChanged;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When another rule-set version becomes active, every open case is decided again with it (its stored request, the
 * registry as it is now), one after the other on a thread of its own, off the request path: the activation answers
 * at once. A case that would be decided otherwise gets {@code policyChanged} and a history entry naming the
 * differences ({@link CaseService#checkPolicy}); one that fails is logged and the others go on.
 */
@Component
class PolicyFollower implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PolicyFollower.class);

    private final CaseService cases;
    private final Cases stored;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "cases-policy-follower");
        thread.setDaemon(true);
        return thread;
    });

    PolicyFollower(CaseService cases, Cases stored) {
        this.cases = cases;
        this.stored = stored;
    }

    @EventListener
    void activeVersionChanged(ActiveVersionChanged changed) {
        worker.submit(() -> checkOpenCases(changed.versionId()));
    }

    private void checkOpenCases(String versionId) {
        int checked = 0;
        for (String number : stored.openNumbers()) {
            try {
                cases.checkPolicy(number, versionId);
                checked++;
            } catch (RuntimeException e) {
                log.warn("Case {} could not be checked against rule-set version {}", number, versionId, e);
            }
        }
        log.info("{} open cases checked against rule-set version {}", checked, versionId);
    }

    @Override
    public void destroy() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
