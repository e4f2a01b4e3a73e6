package dk.kk.itassessment.policy.facts;

import java.util.Set;

/**
 * The request as the rules see it: enum values as their names (the decision tables compare them as text), lists as
 * sets, defaults applied. Immutable.
 */
public final class Acquisition {

    private final String requesterRole;
    private final String institutionType;
    private final String kind;
    private final String category;
    private final String purpose;
    private final boolean free;
    private final String purchaseChannel;
    private final boolean personalData;
    private final Set<String> subjects;
    private final Set<String> dataCategories;
    private final String location;
    private final boolean supplierOwnPurposes;
    private final boolean purchased;
    private final boolean contractSigned;
    private final boolean inUse;
    private final int users;
    private final Set<String> aiFeatures;

    public Acquisition(String requesterRole, String institutionType, String kind, String category, String purpose,
                       boolean free, String purchaseChannel, boolean personalData, Set<String> subjects,
                       Set<String> dataCategories, String location, boolean supplierOwnPurposes, boolean purchased,
                       boolean contractSigned, boolean inUse, int users, Set<String> aiFeatures) {
        this.requesterRole = requesterRole;
        this.institutionType = institutionType;
        this.kind = kind;
        this.category = category;
        this.purpose = purpose;
        this.free = free;
        this.purchaseChannel = purchaseChannel;
        this.personalData = personalData;
        this.subjects = Set.copyOf(subjects);
        this.dataCategories = Set.copyOf(dataCategories);
        this.location = location;
        this.supplierOwnPurposes = supplierOwnPurposes;
        this.purchased = purchased;
        this.contractSigned = contractSigned;
        this.inUse = inUse;
        this.users = users;
        this.aiFeatures = Set.copyOf(aiFeatures);
    }

    public String getRequesterRole() { return requesterRole; }
    public String getInstitutionType() { return institutionType; }
    public String getKind() { return kind; }
    public String getCategory() { return category; }
    public String getPurpose() { return purpose; }
    public boolean isFree() { return free; }
    public String getPurchaseChannel() { return purchaseChannel; }
    public boolean isPersonalData() { return personalData; }
    public Set<String> getSubjects() { return subjects; }
    public Set<String> getDataCategories() { return dataCategories; }
    public String getLocation() { return location; }
    public boolean isSupplierOwnPurposes() { return supplierOwnPurposes; }
    public boolean isPurchased() { return purchased; }
    public boolean isContractSigned() { return contractSigned; }
    public boolean isInUse() { return inUse; }
    public int getUsers() { return users; }
    public Set<String> getAiFeatures() { return aiFeatures; }
}
