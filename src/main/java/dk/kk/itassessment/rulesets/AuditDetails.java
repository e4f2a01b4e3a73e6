package dk.kk.itassessment.rulesets;

import java.util.LinkedHashMap;
import java.util.Map;

/** The details of an audit entry, in the order given; a value may be null (unlike {@link Map#of}). */
final class AuditDetails {

    private AuditDetails() {
    }

    static Map<String, Object> of(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
