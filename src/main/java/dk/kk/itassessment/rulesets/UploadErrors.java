package dk.kk.itassessment.rulesets;

import dk.kk.itassessment.platform.Problems;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The upload form's field errors in the page's language: {@link RuleSetDrafts} names each bad field in English, as
 * the API answers; the page says the same in the messages {@code upload.error.*}. A message not known here is shown
 * as the service gave it.
 */
final class UploadErrors {

    private record Known(String field, Pattern message, String code) {
    }

    private static final List<Known> KNOWN = List.of(
            new Known("table", Pattern.compile("send at least one table.*"), "upload.error.none"),
            new Known("table", Pattern.compile("'(.*)' is not a table file name.*"), "upload.error.tableName"),
            new Known("table", Pattern.compile("the table (.*) is sent twice"), "upload.error.twice"),
            new Known("table", Pattern.compile("the version (\\S+) has no table (\\S+); its tables are (.*)"), "upload.error.noSuchTable"),
            new Known(null, Pattern.compile("(.*) is larger than 5 MiB"), "upload.error.tooLarge"),
            new Known("scenario", Pattern.compile("'(.*)' is not a scenario file name.*"), "upload.error.scenarioName"),
            new Known("scenario", Pattern.compile("the scenario (.*) is sent twice"), "upload.error.twice"),
            new Known("comment", Pattern.compile(".*"), "upload.error.comment"),
            new Known("base", Pattern.compile(".*"), "upload.error.base"));

    private UploadErrors() {
    }

    static MessageSourceResolvable of(Problems.FieldError error) {
        for (Known known : KNOWN) {
            Matcher m = known.message().matcher(error.message());
            if ((known.field() == null || known.field().equals(error.field())) && m.matches()) {
                Object[] arguments = new Object[m.groupCount()];
                for (int i = 0; i < arguments.length; i++) {
                    arguments[i] = m.group(i + 1);
                }
                return new DefaultMessageSourceResolvable(new String[] {known.code()}, arguments, error.message());
            }
        }
        return new DefaultMessageSourceResolvable(new String[0], null, error.message());
    }
}
