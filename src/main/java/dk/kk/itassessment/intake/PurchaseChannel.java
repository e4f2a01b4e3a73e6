package dk.kk.itassessment.intake;

/** How the solution is bought ({@code cost.purchaseChannel}); NONE when nothing is bought. */
public enum PurchaseChannel {
    KVANTUM, APP_STORE, SUPPLIER, OTHER, NONE
}
