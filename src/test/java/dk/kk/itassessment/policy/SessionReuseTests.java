package dk.kk.itassessment.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.intake.AiFeature;
import dk.kk.itassessment.intake.Category;
import dk.kk.itassessment.intake.DataCategory;
import dk.kk.itassessment.intake.DataLocation;
import dk.kk.itassessment.intake.DataSubject;
import dk.kk.itassessment.intake.InstitutionType;
import dk.kk.itassessment.intake.PurchaseChannel;
import dk.kk.itassessment.intake.Purpose;
import dk.kk.itassessment.intake.RequesterRole;
import dk.kk.itassessment.intake.SolutionKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The engine reuses the sessions its evaluations leave empty ({@link SessionPool}): a session that decided
 * other requests before must decide as a new one. Requests drawn at random (a fixed seed) across every value of the
 * request and of the look-ups are decided once each on a new session, then again in another order, each on the
 * session the one before used; every part of the answer must be equal, the rules that fired included. (300 is more
 * than a session's {@value SessionPool#EVALUATIONS_PER_SESSION} evaluations: a whole life of one session, and the
 * start of the next.)
 */
class SessionReuseTests {

    private static final String[] PORTFOLIO = {"NONE", "GRANTED", "PENDING", "REFUSED", "REVOKED"};
    private static final String[] AGREEMENT = {"NONE", "ACTIVE"};

    @Test
    void aSessionThatDecidedOtherRequestsDecidesAsANewOne() {
        PolicyEngine engine = ShippedPolicy.engine();
        RuleSet ruleSet = engine.ruleSet();
        Random random = new Random(20261128);
        List<Facts> requests = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            requests.add(draw(random));
        }
        List<Object> onNewSessions = new ArrayList<>();
        for (Facts facts : requests) {
            ruleSet.sessions().clear();
            onNewSessions.add(decide(engine, facts));
        }
        assertThat(onNewSessions).as("the draw reaches every route").map(SessionReuseTests::route)
                .containsAll(Evaluation.ROUTES);

        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        ruleSet.sessions().clear();
        decide(engine, requests.get(0)); // from here on, every evaluation reuses the session of the one before
        for (int i : order) {
            assertThat(decide(engine, requests.get(i))).as("request %d on a reused session", i)
                    .isEqualTo(onNewSessions.get(i));
        }
    }

    @Test
    void aSessionIsReusedForItsShareOfEvaluationsThenDisposed() {
        SessionPool pool = new SessionPool(ShippedPolicy.engine().ruleSet().kieBase());
        SessionPool.Pooled first = pool.take();
        pool.giveBack(first, true);
        for (int i = 1; i < SessionPool.EVALUATIONS_PER_SESSION; i++) {
            SessionPool.Pooled again = pool.take();
            assertThat(again).as("evaluation %d", i + 1).isSameAs(first);
            pool.giveBack(again, true);
        }
        assertThat(pool.take()).isNotSameAs(first);
    }

    @Test
    void aSessionWhoseEvaluationDidNotFinishIsNotReused() {
        SessionPool pool = new SessionPool(ShippedPolicy.engine().ruleSet().kieBase());
        SessionPool.Pooled failed = pool.take();
        failed.session.insert(Facts.plain().acquisition());
        pool.giveBack(failed, false);
        SessionPool.Pooled next = pool.take();
        assertThat(next).isNotSameAs(failed);
        assertThat(next.session.getFactCount()).isZero();
    }

    /**
     * A rule with no condition (a table row with every condition blank, say: the rule-set checks suggest one as a
     * last row) matches the session's initial fact, which the evaluation's facts are not: deleting those leaves its
     * match behind, and on a reused session it would not fire again. Such a rule set gets a new session every time.
     */
    @Test
    void aRuleWithoutConditionsFiresInEveryEvaluation() {
        Map<String, byte[]> files = new HashMap<>(RuleFiles.read(Path.of("rules"), Path.of("decision-tables")).files());
        files.put("rules/derive/always.drl", """
                package dk.kk.itassessment.rules.derive;
                import dk.kk.itassessment.policy.facts.*;
                rule "Always"
                    @da("Altid.")
                    @en("Always.")
                    ruleflow-group "derive"
                when
                then
                end
                """.getBytes(StandardCharsets.UTF_8));
        try (PolicyEngine engine = new PolicyEngine(new RuleSetCompiler().compile(new RuleFiles(files)))) {
            for (int i = 1; i <= 3; i++) {
                assertThat(decide(engine, Facts.plain())).as("evaluation %d", i)
                        .satisfies(e -> assertThat(((Evaluation) e).firedRules()).contains("Always"));
            }
            assertThat(engine.ruleSet().sessions().reusesSessions()).isFalse();
        }
        assertThat(ShippedPolicy.engine().ruleSet().sessions().reusesSessions()).as("the shipped rule set").isTrue();
    }

    /** The evaluation, or the failure's message when the rule set refused to decide. */
    private static Object decide(PolicyEngine engine, Facts facts) {
        try {
            return engine.evaluate(facts.acquisition(), facts.lookups());
        } catch (PolicyFailure e) {
            return e.getMessage();
        }
    }

    private static String route(Object decided) {
        return decided instanceof Evaluation e ? e.route() : String.valueOf(decided);
    }

    private static Facts draw(Random random) {
        Facts f = Facts.plain();
        f.requesterRole = pick(random, RequesterRole.values()).name();
        f.institutionType = pick(random, InstitutionType.values()).name();
        f.kind = pick(random, SolutionKind.values()).name();
        f.category = pick(random, Category.values()).name();
        f.purpose = pick(random, Purpose.values()).name();
        f.free = random.nextBoolean();
        f.purchaseChannel = pick(random, PurchaseChannel.values()).name();
        f.personalData = random.nextInt(4) > 0;
        if (f.personalData) {
            f.subjects = some(random, DataSubject.values(), 1);
            f.dataCategories = some(random, DataCategory.values(), 1);
            f.location = pick(random, DataLocation.values()).name();
            f.supplierOwnPurposes = random.nextInt(5) == 0;
        }
        f.purchased = random.nextInt(5) == 0;
        f.contractSigned = random.nextInt(5) == 0;
        f.inUse = random.nextInt(4) == 0;
        f.users = 1 + random.nextInt(3000);
        f.aiFeatures = random.nextInt(3) == 0 ? some(random, AiFeature.values(), 1) : Set.of();

        f.portfolio = pick(random, PORTFOLIO);
        if (f.portfolio.equals("GRANTED")) {
            f.permissionValidUntil = random.nextBoolean() ? null : Facts.TODAY.plusDays(random.nextInt(60) - 30);
        }
        f.institutionConnected = random.nextBoolean();
        f.agreement = pick(random, AGREEMENT);
        if (f.agreement.equals("ACTIVE")) {
            f.agreementValidUntil = random.nextBoolean() ? null : Facts.TODAY.plusDays(random.nextInt(60) - 30);
            f.covered = random.nextBoolean();
        }
        f.alternatives = random.nextInt(3);
        return f;
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static <E extends Enum<E>> Set<String> some(Random random, E[] values, int atLeast) {
        Set<String> chosen = new HashSet<>();
        while (chosen.size() < atLeast || random.nextInt(3) == 0) {
            chosen.add(pick(random, values).name());
            if (chosen.size() == values.length) {
                break;
            }
        }
        return Set.copyOf(chosen);
    }
}
