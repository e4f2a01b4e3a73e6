package dk.kk.itassessment.policy.facts;

/** The risk tier the data-protection table's first matching row chose. */
public final class RiskTierChoice extends Conclusion {

    private final String tier;

    public RiskTierChoice(String tier, String rule) {
        super(rule);
        this.tier = tier;
    }

    public String getTier() { return tier; }
}
