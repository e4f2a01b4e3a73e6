package dk.kk.itassessment.policy;

import dk.kk.itassessment.policy.facts.Acquisition;
import dk.kk.itassessment.policy.facts.ChecklistItem;
import dk.kk.itassessment.policy.facts.Conclusion;
import dk.kk.itassessment.policy.facts.Decision;
import dk.kk.itassessment.policy.facts.Lookups;
import dk.kk.itassessment.policy.facts.Profile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.Agenda;

/**
 * Evaluates the policy for one request in a session of the current rule set that holds no fact (a new one, or one
 * an earlier evaluation left empty: {@link SessionPool}). The phases run in
 * this order, each a ruleflow group (in Drools 10 the same as an agenda group): derive → profile (rules/derive) → route → risk → review → warnings → checklist (the
 * decision tables) → assemble (rules/assembly). Nothing is compiled here.
 */
public class PolicyEngine implements AutoCloseable {

    /** The phases in the order they run; each rule belongs to one (its ruleflow-group). */
    public static final List<String> PHASES = List.of("derive", "profile", "route", "risk", "review", "warnings", "checklist", "assemble");

    private static final List<String> PHASE_ORDER = List.of("BEFORE_PURCHASE", "INTAKE", "CONSOLIDATION",
            "DESCRIPTION", "ASSESSMENT", "BEFORE_USE");

    private final AtomicReference<RuleSet> current;

    public PolicyEngine(RuleSet ruleSet) {
        this.current = new AtomicReference<>(ruleSet);
    }

    /** An engine that decides once a rule set is {@linkplain #activate(RuleSet) activated} (at start-up). */
    public PolicyEngine() {
        this(null);
    }

    /** The rule set that decides now. */
    public RuleSet ruleSet() {
        RuleSet ruleSet = current.get();
        if (ruleSet == null) {
            throw new IllegalStateException("No rule set is active yet");
        }
        return ruleSet;
    }

    /**
     * Makes {@code next} the rule set that decides from now on and closes the one it replaces: evaluations that
     * started on the old one finish on it, and it is disposed after the last of them.
     */
    public void activate(RuleSet next) {
        RuleSet previous = current.getAndSet(next);
        if (previous != null && previous != next) {
            previous.close();
        }
    }

    /** Evaluates with the rule set that decides now, holding a lease on it while it runs. */
    public Evaluation evaluate(Acquisition acquisition, Lookups lookups) {
        return withCurrent(ruleSet -> evaluate(ruleSet, acquisition, lookups));
    }

    /**
     * Runs {@code work} with the rule set that decides now, which stays open (it may be replaced) until it returns.
     * {@code work} answers null for "nothing".
     */
    public <T> T withCurrent(java.util.function.Function<RuleSet, T> work) {
        while (true) {
            RuleSet ruleSet = ruleSet();
            if (ruleSet.tryAcquire()) {
                try {
                    return work.apply(ruleSet);
                } finally {
                    ruleSet.release();
                }
            }
            if (current.get() == ruleSet) {
                throw new IllegalStateException("The rule set is closed");
            } // else it was replaced and disposed a moment ago: take the new one
        }
    }

    /** Evaluates with {@code ruleSet}, which the caller keeps open (or holds a lease on) until this returns. */
    public Evaluation evaluate(RuleSet ruleSet, Acquisition acquisition, Lookups lookups) {
        Profile profile = new Profile();
        Decision decision = new Decision();
        FiredRules fired = new FiredRules();
        SessionPool.Pooled taken = ruleSet.sessions().take();
        KieSession session = taken.session;
        boolean finished = false;
        session.addEventListener(fired);
        try {
            session.insert(acquisition);
            session.insert(lookups);
            session.insert(profile);
            session.insert(decision);
            Agenda agenda = session.getAgenda();
            for (int i = PHASES.size() - 1; i >= 0; i--) {
                agenda.getAgendaGroup(PHASES.get(i)).setFocus(); // a stack: the last focused runs first
            }
            session.fireAllRules();
            finished = true;
        } finally {
            session.removeEventListener(fired);
            ruleSet.sessions().giveBack(taken, finished);
        }

        if (!decision.getProblems().isEmpty()) {
            throw new PolicyFailure(decision.getProblems());
        }
        return answer(ruleSet, profile, decision, fired.rules);
    }

    private Evaluation answer(RuleSet ruleSet, Profile profile, Decision decision, List<Rule> fired) {
        List<Evaluation.Warning> warnings = decision.getWarnings().stream()
                .map(w -> new Evaluation.Warning(w.getCode(), text(w), w.getRule()))
                .toList();
        List<Evaluation.Item> checklist = decision.getChecklist().stream()
                .sorted(Comparator.comparingInt((ChecklistItem i) -> PHASE_ORDER.indexOf(i.getPhase()))
                        .thenComparingInt(ChecklistItem::getOrder)
                        .thenComparing(ChecklistItem::getCode))
                .map(i -> new Evaluation.Item(i.getCode(), text(i), i.getResponsible(), i.getPhase(),
                        i.isMandatory(), i.getRule()))
                .toList();
        return new Evaluation(
                decision.getRoute().getRoute(),
                decision.isNewAcquisitionRequired(),
                decision.getReview().getLevel(),
                decision.getRiskTier().getTier(),
                profile.isDpiaRequired(),
                profile.getDpiaCriteria(),
                profile.getPortfolio(),
                profile.getAgreement(),
                decision.getEstimatedProcessingDays(),
                warnings,
                checklist,
                explain(ruleSet, decision, fired),
                ruleSet.version(),
                ruleSet.fingerprint(),
                fired.stream().map(Rule::getName).toList());
    }

    /**
     * One line per rule that fired and said something, in the order they fired: DRL rules speak through their
     * {@code @da}/{@code @en} metadata, table rows through the texts of their row. A rule's line is the same every
     * time it fires (a row's texts are its cells), so each rule set keeps the lines it has made.
     */
    private static List<Evaluation.Explanation> explain(RuleSet ruleSet, Decision decision, List<Rule> fired) {
        List<Evaluation.Explanation> lines = new ArrayList<>(fired.size());
        Map<String, Evaluation.Text> conclusions = null;
        for (Rule rule : fired) {
            Evaluation.Explanation line = ruleSet.explanations().get(rule.getName());
            if (line == null) {
                if (conclusions == null) {
                    conclusions = conclusions(decision);
                }
                line = explain(ruleSet, rule, conclusions.get(rule.getName()));
                RuleSource source = ruleSet.source(rule.getName());
                if (line != SILENT || source == null || source.row() == null) {
                    // a table row whose conclusion was set aside (a repeated warning code) may speak another time
                    ruleSet.explanations().put(rule.getName(), line);
                }
            }
            if (line != SILENT) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** The line of a rule that says nothing of its own (plumbing of the assembly). */
    private static final Evaluation.Explanation SILENT = new Evaluation.Explanation("", "", new Evaluation.Text("", ""));

    private static Evaluation.Explanation explain(RuleSet ruleSet, Rule rule, Evaluation.Text conclusion) {
        Evaluation.Text text = conclusion;
        if (text == null) {
            Object da = rule.getMetaData().get("da");
            Object en = rule.getMetaData().get("en");
            if (da == null || en == null) {
                return SILENT;
            }
            text = new Evaluation.Text(unquote(da), unquote(en));
        }
        RuleSource source = ruleSet.source(rule.getName());
        return new Evaluation.Explanation(rule.getName(), source == null ? null : source.describe(), text);
    }

    private static Map<String, Evaluation.Text> conclusions(Decision decision) {
        Map<String, Evaluation.Text> texts = new HashMap<>();
        put(texts, decision.getRoute(), "Rute " + decision.getRoute().getRoute(), "Route " + decision.getRoute().getRoute());
        put(texts, decision.getRiskTier(), "Risikoniveau " + decision.getRiskTier().getTier(), "Risk tier " + decision.getRiskTier().getTier());
        put(texts, decision.getReview(), "Sikkerhedsgennemgang " + decision.getReview().getLevel(), "Security review " + decision.getReview().getLevel());
        decision.getWarnings().forEach(w -> put(texts, w, "Advarsel " + w.getCode(), "Warning " + w.getCode()));
        decision.getChecklist().forEach(i -> put(texts, i, "Tjekliste " + i.getCode(), "Checklist " + i.getCode()));
        return texts;
    }

    private static void put(Map<String, Evaluation.Text> texts, Conclusion conclusion, String da, String en) {
        texts.put(conclusion.getRule(), new Evaluation.Text(da + ": " + conclusion.getDa(), en + ": " + conclusion.getEn()));
    }

    private static Evaluation.Text text(Conclusion conclusion) {
        return new Evaluation.Text(conclusion.getDa(), conclusion.getEn());
    }

    private static String unquote(Object value) {
        String s = value.toString();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    @Override
    public void close() {
        RuleSet ruleSet = current.getAndSet(null);
        if (ruleSet != null) {
            ruleSet.close();
        }
    }

    private static final class FiredRules extends DefaultAgendaEventListener {
        private final List<Rule> rules = new ArrayList<>();

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            rules.add(event.getMatch().getRule());
        }
    }
}
