package dk.kk.itassessment.policy.facts;

/**
 * What one decision-table row or rule concluded, with the rule that did (for the explanation) and a Danish and an
 * English text from the row. Subclasses add the conclusion's own fields; a table's first action column creates the
 * conclusion and inserts it, the next columns fill in fields no rule matches on.
 */
public abstract class Conclusion {

    private final String rule;
    private String da;
    private String en;

    protected Conclusion(String rule) {
        this.rule = rule;
    }

    public String getRule() { return rule; }
    public String getDa() { return da; }
    public void setDa(String da) { this.da = da; }
    public String getEn() { return en; }
    public void setEn(String en) { this.en = en; }
}
