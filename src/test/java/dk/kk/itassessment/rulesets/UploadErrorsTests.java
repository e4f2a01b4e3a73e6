package dk.kk.itassessment.rulesets;

import static org.assertj.core.api.Assertions.assertThat;

import dk.kk.itassessment.platform.Problems;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSourceResolvable;

/** The upload form's field errors as the page says them: each known message of RuleSetDrafts has its message key. */
class UploadErrorsTests {

    @Test
    void theDraftsMessagesHaveTheirKeysAndArguments() {
        assertThat(code("table", "send at least one table (or scenario) to change")).isEqualTo("upload.error.none");
        assertThat(code("table", "'notes.txt' is not a table file name (<name>.drl.xlsx or <name>.drl.csv)"))
                .isEqualTo("upload.error.tableName");
        MessageSourceResolvable missing = UploadErrors.of(new Problems.FieldError("table",
                "the version 3 has no table extra; its tables are checklist, routes"));
        assertThat(missing.getCodes()).containsExactly("upload.error.noSuchTable");
        assertThat(missing.getArguments()).containsExactly("3", "extra", "checklist, routes");
        assertThat(code("scenario", "big.json is larger than 5 MiB")).isEqualTo("upload.error.tooLarge");
        assertThat(code("comment", "at most 2000 characters of text")).isEqualTo("upload.error.comment");
    }

    @Test
    void anUnknownMessageIsShownAsGiven() {
        MessageSourceResolvable other = UploadErrors.of(new Problems.FieldError("table", "something new"));
        assertThat(other.getCodes()).isEmpty();
        assertThat(other.getDefaultMessage()).isEqualTo("something new");
    }

    private static String code(String field, String message) {
        String[] codes = UploadErrors.of(new Problems.FieldError(field, message)).getCodes();
        return codes.length == 0 ? null : codes[0];
    }
}
