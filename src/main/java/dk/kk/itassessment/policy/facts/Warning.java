package dk.kk.itassessment.policy.facts;

/** A warning raised by a row of the warnings table; its message is the row's Danish and English text. */
public final class Warning extends Conclusion {

    private final String code;

    public Warning(String code, String rule) {
        super(rule);
        this.code = code;
    }

    public String getCode() { return code; }
}
