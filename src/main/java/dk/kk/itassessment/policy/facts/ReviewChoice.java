package dk.kk.itassessment.policy.facts;

/** The security review level for the route and risk tier, and the days it adds to the processing time. */
public final class ReviewChoice extends Conclusion {

    private final String level;
    private int extraDays;

    public ReviewChoice(String level, String rule) {
        super(rule);
        this.level = level;
    }

    public String getLevel() { return level; }
    public int getExtraDays() { return extraDays; }
    public void setExtraDays(int extraDays) { this.extraDays = extraDays; }
}
