package dk.kk.itassessment.policy.facts;

import java.util.ArrayList;
import java.util.List;
import org.kie.api.definition.type.ClassReactive;

/**
 * The derived facts of POLICY.md ("Derived facts"), filled in by the rules in rules/derive before any table is
 * evaluated. The engine inserts it empty; derivations only ever set a flag or add a criterion, so the order in
 * which they fire does not matter.
 */
@ClassReactive
public final class Profile {

    private String portfolio;
    private String agreement;
    private boolean itSystem;
    private boolean children;
    private boolean committed;
    private boolean dataAgreementApprovalNeeded;
    private final List<String> dpiaCriteria = new ArrayList<>();
    private boolean dpiaRequired;

    public String getPortfolio() { return portfolio; }
    public void setPortfolio(String portfolio) { this.portfolio = portfolio; }
    public String getAgreement() { return agreement; }
    public void setAgreement(String agreement) { this.agreement = agreement; }
    public boolean isItSystem() { return itSystem; }
    public void setItSystem(boolean itSystem) { this.itSystem = itSystem; }
    public boolean isChildren() { return children; }
    public void setChildren(boolean children) { this.children = children; }
    /** Purchased, contract signed or in use already: something happened before a permission. */
    public boolean isCommitted() { return committed; }
    public void setCommitted(boolean committed) { this.committed = committed; }
    public boolean isDataAgreementApprovalNeeded() { return dataAgreementApprovalNeeded; }
    public void setDataAgreementApprovalNeeded(boolean needed) { this.dataAgreementApprovalNeeded = needed; }
    public List<String> getDpiaCriteria() { return List.copyOf(dpiaCriteria); }
    public int getDpiaCriteriaCount() { return dpiaCriteria.size(); }
    public void addDpiaCriterion(String criterion) {
        if (!dpiaCriteria.contains(criterion)) {
            dpiaCriteria.add(criterion);
        }
    }
    public boolean isDpiaRequired() { return dpiaRequired; }
    public void setDpiaRequired(boolean dpiaRequired) { this.dpiaRequired = dpiaRequired; }
}
