package dk.kk.itassessment.policy.facts;

/** One checklist item a table row put on the list; the title is the row's Danish and English text. */
public final class ChecklistItem extends Conclusion {

    private final String code;
    private String responsible;
    private String phase;
    private int order;
    private boolean mandatory = true;

    public ChecklistItem(String code, String rule) {
        super(rule);
        this.code = code;
    }

    public String getCode() { return code; }
    public String getResponsible() { return responsible; }
    public void setResponsible(String responsible) { this.responsible = responsible; }
    public String getPhase() { return phase; }
    public void setPhase(String phase) { this.phase = phase; }
    public int getOrder() { return order; }
    public void setOrder(int order) { this.order = order; }
    public boolean isMandatory() { return mandatory; }
    public void setMandatory(boolean mandatory) { this.mandatory = mandatory; }
}
