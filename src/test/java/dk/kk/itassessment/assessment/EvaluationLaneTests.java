package dk.kk.itassessment.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.kk.itassessment.platform.InvalidRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Evaluations run on the lane's threads, and what they throw reaches the request thread as it was thrown. */
class EvaluationLaneTests {

    private final EvaluationLane lane = new EvaluationLane(1);

    @AfterEach
    void stop() {
        lane.stop();
    }

    @Test
    void runsTheWorkOnTheLaneAndAnswersItsResult() {
        assertThat(lane.run(() -> Thread.currentThread().getName())).isEqualTo("evaluation-1");
    }

    @Test
    void aFailureIsThrownAsItWas() {
        InvalidRequest failure = new InvalidRequest("no", List.of());
        assertThatThrownBy(() -> lane.run(() -> {
            throw failure;
        })).isSameAs(failure);
        StackOverflowError error = new StackOverflowError();
        assertThatThrownBy(() -> lane.run(() -> {
            throw error;
        })).isSameAs(error);
    }

    @Test
    void anInterruptedCallerStopsWaitingAndKeepsItsInterrupt() throws Exception {
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread blocker = new Thread(() -> lane.run(() -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        blocker.start();
        started.await();
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> lane.run(() -> "never")).isInstanceOf(java.util.concurrent.CancellationException.class);
        assertThat(Thread.interrupted()).as("the interrupt is kept").isTrue();
        release.countDown();
        blocker.join();
        assertThat(lane.run(() -> "after")).isEqualTo("after");
    }
}
