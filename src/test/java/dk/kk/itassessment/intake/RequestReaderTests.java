package dk.kk.itassessment.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dk.kk.itassessment.platform.InvalidRequest;
import dk.kk.itassessment.platform.JsonBody;
import dk.kk.itassessment.platform.Problems.FieldError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class RequestReaderTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> EXAMPLES = List.of(
            "01-free-app-no-personal-data", "02-smartboard-with-software", "03-known-supplier-new-system",
            "04-approved-supplier-covered-system", "05-already-permitted-not-connected",
            "06-wellbeing-survey-in-use-us-cloud", "07-refused-system-trial", "08-ai-grading-tool",
            "09-plain-hardware");

    private final RequestReader reader = new RequestReader(new JsonBody(JSON));

    // --- valid requests ---

    @ParameterizedTest
    @MethodSource("examples")
    void everySharedExampleIsAValidRequest(String example) {
        byte[] body = JSON.writeValueAsBytes(example(example).get("request"));

        AssessmentRequest request = reader.read(body);

        assertThat(request.requester().name()).isEqualTo("Mette Hansen");
        assertThat(request.purpose()).isNotNull();
    }

    static Stream<String> examples() {
        return EXAMPLES.stream();
    }

    @Test
    void aValidRequestIsReadWithEveryValueInPlace() {
        AssessmentRequest request = reader.read(valid());

        assertThat(request.requester()).isEqualTo(new AssessmentRequest.Requester("Mette Hansen",
                "mette.hansen@example.dk", RequesterRole.TEACHER, "Valby Skole", InstitutionType.SCHOOL));
        assertThat(request.solution()).isEqualTo(new AssessmentRequest.Solution("ClassBoard 86", "Boardtech A/S",
                "13748136", SolutionKind.HARDWARE_WITH_SOFTWARE, Category.TEACHING, null, List.of()));
        assertThat(request.purpose()).isEqualTo(Purpose.NEW_USE);
        assertThat(request.cost()).isEqualTo(new AssessmentRequest.Cost(false, new BigDecimal("48000"),
                PurchaseChannel.KVANTUM));
        assertThat(request.personalData()).isEqualTo(new AssessmentRequest.PersonalData(true,
                List.of(DataSubject.PUPILS, DataSubject.EMPLOYEES), List.of(DataCategory.CONTACT),
                DataLocation.EU_EEA, false));
        assertThat(request.status()).isEqualTo(new AssessmentRequest.Status(false, false, false));
        assertThat(request.users()).isEqualTo(25);
    }

    @Test
    void theContractsOwnExampleIsValid() {
        ObjectNode tree = with(valid(), "solution.url", "'https://example.com/book-creator'");
        with(tree, "need", "'Pupils in 3rd grade make picture books.'");
        with(tree, "expectedGains", "'Reading motivation.'");
        with(tree, "operations", "{'responsible': 'ICT coordinator', 'hoursPerMonth': 2}");

        AssessmentRequest request = reader.read(tree);

        assertThat(request.solution().url()).isEqualTo("https://example.com/book-creator");
        assertThat(request.need()).isEqualTo("Pupils in 3rd grade make picture books.");
        assertThat(request.expectedGains()).isEqualTo("Reading motivation.");
        assertThat(request.operations()).isEqualTo(new AssessmentRequest.Operations("ICT coordinator",
                new BigDecimal("2")));
    }

    @Test
    void defaultsAreAppliedToAbsentOptionalFields() {
        ObjectNode tree = valid();
        remove(tree, "solution.aiFeatures");
        remove(tree, "solution.supplierCvr");
        remove(tree, "cost.purchaseChannel");
        remove(tree, "cost.priceDkk");
        remove(tree, "status");
        remove(tree, "users");
        with(tree, "personalData", "{'processed': false}");

        AssessmentRequest request = reader.read(tree);

        assertThat(request.solution().aiFeatures()).isEmpty();
        assertThat(request.solution().supplierCvr()).isNull();
        assertThat(request.cost().purchaseChannel()).isEqualTo(PurchaseChannel.NONE);
        assertThat(request.cost().priceDkk()).isNull();
        assertThat(request.status()).isEqualTo(new AssessmentRequest.Status(false, false, false));
        assertThat(request.personalData()).isEqualTo(new AssessmentRequest.PersonalData(false, List.of(), List.of(),
                null, false));
        assertThat(request.users()).isNull();
        assertThat(request.need()).isNull();
        assertThat(request.operations()).isEqualTo(new AssessmentRequest.Operations(null, null));
    }

    @Test
    void nullForAnOptionalFieldMeansAbsent() {
        ObjectNode tree = valid();
        for (String path : List.of("solution.supplierCvr", "solution.url", "solution.aiFeatures", "cost.priceDkk",
                "cost.purchaseChannel", "personalData.supplierOwnPurposes", "status", "users", "need",
                "expectedGains", "operations")) {
            with(tree, path, "null");
        }

        AssessmentRequest request = reader.read(tree);

        assertThat(request.cost().purchaseChannel()).isEqualTo(PurchaseChannel.NONE);
        assertThat(request.status()).isEqualTo(new AssessmentRequest.Status(false, false, false));
        assertThat(request.solution().aiFeatures()).isEmpty();
    }

    @Test
    void aPartialStatusDefaultsTheRestToFalse() {
        AssessmentRequest request = reader.read(with(valid(), "status", "{'inUse': true}"));

        assertThat(request.status()).isEqualTo(new AssessmentRequest.Status(false, false, true));
    }

    @Test
    void listsKeepTheOrderGivenAndCannotBeChanged() {
        ObjectNode tree = with(valid(), "solution.aiFeatures", "['GRADING', 'GENERATIVE']");

        AssessmentRequest request = reader.read(tree);

        assertThat(request.solution().aiFeatures()).containsExactly(AiFeature.GRADING, AiFeature.GENERATIVE);
        assertThatThrownBy(() -> request.solution().aiFeatures().add(AiFeature.OTHER))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> request.personalData().subjects().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void textIsStrippedOfSurroundingWhiteSpace() {
        AssessmentRequest request = reader.read(with(valid(), "requester.name", "'  Mette Hansen\\n'"));

        assertThat(request.requester().name()).isEqualTo("Mette Hansen");
    }

    // --- required fields, types and unknown properties ---

    @ParameterizedTest
    @ValueSource(strings = {"requester", "solution", "purpose", "cost", "personalData", "requester.name",
            "requester.email", "requester.role", "requester.institution", "requester.institutionType",
            "solution.name", "solution.supplierName", "solution.kind", "solution.category", "cost.free",
            "personalData.processed"})
    void aMissingRequiredFieldIsNamed(String field) {
        assertThat(fieldsOf(remove(valid(), field))).containsExactly(field);
        assertThat(fieldsOf(with(valid(), field, "null"))).containsExactly(field);
    }

    @ParameterizedTest
    @MethodSource("enumFields")
    void anUnknownEnumValueNamesTheAllowedValues(String field, Class<? extends Enum<?>> type) {
        List<FieldError> errors = errorsOf(with(valid(), field, "'NO_SUCH_VALUE'"));

        assertThat(errors).extracting(FieldError::field).containsExactly(field);
        assertThat(errors.get(0).message()).contains(names(type));
    }

    static Stream<Arguments> enumFields() {
        return Stream.of(
                Arguments.of("requester.role", RequesterRole.class),
                Arguments.of("requester.institutionType", InstitutionType.class),
                Arguments.of("solution.kind", SolutionKind.class),
                Arguments.of("solution.category", Category.class),
                Arguments.of("purpose", Purpose.class),
                Arguments.of("cost.purchaseChannel", PurchaseChannel.class),
                Arguments.of("personalData.location", DataLocation.class));
    }

    @Test
    void unknownKindNamesTheAllowedValues() {
        assertThat(errorsOf(with(valid(), "solution.kind", "'SAAS'"))).containsExactly(new FieldError(
                "solution.kind", "must be one of APP, DESKTOP_SOFTWARE, WEB_SERVICE, BROWSER_EXTENSION, "
                        + "HARDWARE_WITH_SOFTWARE, HARDWARE_WITHOUT_SOFTWARE"));
    }

    @Test
    void anUnknownValueInAListIsNamedByItsIndexWithTheAllowedValues() {
        ObjectNode tree = with(valid(), "personalData.subjects", "['PUPILS', 'TEACHERS']");
        with(tree, "personalData.categories", "['CONTACT', 42]");
        with(tree, "solution.aiFeatures", "['CHATBOT']");

        List<FieldError> errors = errorsOf(tree);

        assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder("personalData.subjects[1]",
                "personalData.categories[1]", "solution.aiFeatures[0]");
        assertThat(errors).filteredOn(e -> e.field().equals("personalData.subjects[1]")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains(names(DataSubject.class)));
        assertThat(errors).filteredOn(e -> e.field().equals("solution.aiFeatures[0]")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains(names(AiFeature.class)));
    }

    @Test
    void enumValuesAreCaseSensitive() {
        assertThat(fieldsOf(with(valid(), "requester.role", "'teacher'"))).containsExactly("requester.role");
    }

    @ParameterizedTest
    @MethodSource("wrongTypes")
    void aValueOfTheWrongJsonTypeIsNamed(String field, String value) {
        assertThat(fieldsOf(with(valid(), field, value))).containsExactly(field);
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of("requester", "'Mette'"),
                Arguments.of("solution", "[]"),
                Arguments.of("status", "true"),
                Arguments.of("operations", "'ICT'"),
                Arguments.of("requester.name", "42"),
                Arguments.of("requester.email", "{}"),
                Arguments.of("requester.role", "1"),
                Arguments.of("solution.supplierCvr", "13585628"),
                Arguments.of("solution.aiFeatures", "{'GRADING': true}"),
                Arguments.of("solution.aiFeatures", "'GRADING'"),
                Arguments.of("cost.free", "'true'"),
                Arguments.of("cost.free", "0"),
                Arguments.of("cost.priceDkk", "'100'"),
                Arguments.of("personalData.processed", "'yes'"),
                Arguments.of("personalData.subjects", "'PUPILS'"),
                Arguments.of("personalData.supplierOwnPurposes", "'false'"),
                Arguments.of("status.inUse", "1"),
                Arguments.of("need", "['a', 'b']"),
                Arguments.of("operations.hoursPerMonth", "'2'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nickname", "requester.nickname", "solution.version", "cost.currency",
            "personalData.retention", "status.approved", "operations.budget"})
    void anUnknownPropertyIsRejectedAtEveryLevel(String field) {
        List<FieldError> errors = errorsOf(with(valid(), field, "'x'"));

        assertThat(errors).extracting(FieldError::field).containsExactly(field);
        assertThat(errors.get(0).message()).startsWith("is not a known property");
    }

    @Test
    void aMisspeltPropertyIsNamedBesideTheMissingOne() {
        ObjectNode tree = remove(valid(), "requester.email");
        with(tree, "requester.e-mail", "'mette.hansen@example.dk'");

        assertThat(fieldsOf(tree)).containsExactlyInAnyOrder("requester.email", "requester.e-mail");
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        ObjectNode tree = remove(valid(), "requester.name");
        with(tree, "requester.email", "'not an address'");
        with(tree, "requester.nickname", "'Mette'");
        with(tree, "solution.kind", "'SAAS'");
        with(tree, "solution.supplierCvr", "'13585629'");
        with(tree, "solution.aiFeatures", "['GRADING', 'GRADING']");
        with(tree, "purpose", "'BUY'");
        with(tree, "cost.free", "true");
        with(tree, "personalData.categories", "[]");
        with(tree, "personalData.location", "null");
        with(tree, "users", "1.5");
        with(tree, "operations", "{'hoursPerMonth': -1}");
        with(tree, "colour", "'blue'");

        InvalidRequest invalid = catchThrowableOfType(InvalidRequest.class, () -> reader.read(tree));

        assertThat(invalid.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                "requester.name", "requester.email", "requester.nickname", "solution.kind", "solution.supplierCvr",
                "solution.aiFeatures[1]", "purpose", "cost.priceDkk", "personalData.categories",
                "personalData.location", "users", "operations.hoursPerMonth", "colour");
        assertThat(invalid.getMessage()).isEqualTo("The request has 13 invalid fields.");
    }

    @Test
    void aStoredRequestIsReadAgainFromItsTree() {
        JsonNode stored = example("08-ai-grading-tool").get("request");

        assertThat(reader.read(stored)).isEqualTo(reader.read(JSON.writeValueAsBytes(stored)));
    }

    // --- text ---

    @ParameterizedTest
    @ValueSource(strings = {"requester.name", "requester.institution", "solution.name", "solution.supplierName"})
    void requiredTextHasOneToTwoHundredCharacters(String field) {
        assertThat(reader.read(with(valid(), field, quoted("x".repeat(200))))).isNotNull();
        assertThat(reader.read(with(valid(), field, "'x'"))).isNotNull();
        assertThat(fieldsOf(with(valid(), field, quoted("x".repeat(201))))).containsExactly(field);
        assertThat(fieldsOf(with(valid(), field, "''"))).containsExactly(field);
        assertThat(fieldsOf(with(valid(), field, "'  \\t '"))).containsExactly(field);
    }

    @Test
    void lengthIsCountedInCharactersNotUtf16Units() {
        String emoji = "\uD83D\uDE00";

        assertThat(reader.read(with(valid(), "solution.name", quoted(emoji.repeat(200))))).isNotNull();
        assertThat(fieldsOf(with(valid(), "solution.name", quoted(emoji.repeat(201)))))
                .containsExactly("solution.name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Valby\\u0000Skole", "Valby\\u0007Skole", "Valby\\u001bSkole", "Valby\\u007fSkole",
            "Valby\\u0085Skole"})
    void controlCharactersAreRejectedInText(String institution) {
        assertThat(errorsOf(with(valid(), "requester.institution", quoted(institution))))
                .containsExactly(new FieldError("requester.institution", "must not contain control characters"));
        assertThat(fieldsOf(with(valid(), "need", quoted(institution)))).containsExactly("need");
    }

    @ParameterizedTest
    @ValueSource(strings = {"need", "expectedGains", "operations.responsible"})
    void tabsAndLineBreaksAreAllowedInTextOfSeveralLines(String field) {
        AssessmentRequest request = reader.read(with(valid(), field, "'First line.\\r\\nSecond line.\\n\\tIndented.'"));

        String text = switch (field) {
            case "need" -> request.need();
            case "expectedGains" -> request.expectedGains();
            default -> request.operations().responsible();
        };
        assertThat(text).isEqualTo("First line.\r\nSecond line.\n\tIndented.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"requester.name", "requester.institution", "solution.name", "solution.supplierName",
            "solution.supplierCvr", "solution.url", "requester.email"})
    void aOneLineTextHasNoLineBreakTabOrInvisibleCharacter(String field) {
        for (String odd : List.of("a\\nb", "a\\rb", "a\\tb", "a\\u2028b", "a\\u2029b", "a\\u200bb", "a\\u200db",
                "a\\u200eb", "a\\u2060b", "a\\ufeffb", "a\\u00adb", "a\\u061cb")) {
            assertThat(fieldsOf(with(valid(), field, quoted(odd)))).as(odd).containsExactly(field);
        }
        assertThat(errorsOf(with(valid(), "requester.name", "'Mette\\u200bHansen'"))).containsExactly(
                new FieldError("requester.name", "must not contain invisible characters (U+200B)"));
        assertThat(errorsOf(with(valid(), "requester.name", "'Mette\\nHansen'"))).containsExactly(
                new FieldError("requester.name", "must be one line, without line breaks"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"requester.name", "requester.institution", "solution.name", "solution.supplierName",
            "need", "expectedGains", "operations.responsible"})
    void noTextOverridesTheDirectionOfWhatFollows(String field) {
        for (String override : List.of("\\u202a", "\\u202b", "\\u202c", "\\u202d", "\\u202e", "\\u2066",
                "\\u2067", "\\u2068", "\\u2069")) {
            assertThat(fieldsOf(with(valid(), field, quoted("Valby " + override + "Skole")))).as(override)
                    .containsExactly(field);
        }
        assertThat(errorsOf(with(valid(), field, "'Valby \\u202eeloks'"))).containsExactly(new FieldError(field,
                "must not contain characters that change the direction of text (U+202E)"));
    }

    @Test
    void textOfSeveralLinesMayHoldJoinersAndRightToLeftScript() {
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        String arabic = "\u0645\u062F\u0631\u0633\u0629";

        AssessmentRequest request = reader.read(with(valid(), "need", quoted("For " + family + " and " + arabic)));

        assertThat(request.need()).isEqualTo("For " + family + " and " + arabic);
        assertThat(reader.read(with(valid(), "requester.institution", quoted(arabic))).requester().institution())
                .isEqualTo(arabic);
    }

    @Test
    void anUnpairedSurrogateIsRejected() {
        assertThat(fieldsOf(with(valid(), "solution.name", "'Board \\ud83d'"))).containsExactly("solution.name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"need", "expectedGains", "operations.responsible"})
    void optionalTextHasAtMostFourThousandCharacters(String field) {
        assertThat(reader.read(with(valid(), field, quoted("x".repeat(4000))))).isNotNull();
        assertThat(fieldsOf(with(valid(), field, quoted("x".repeat(4001))))).containsExactly(field);
    }

    // --- formats ---

    @ParameterizedTest
    @ValueSource(strings = {"a@b.dk", "mette.hansen+it@skole.kk.dk", "MH@Example.DK"})
    void aPlausibleEmailIsAccepted(String email) {
        assertThat(reader.read(with(valid(), "requester.email", quoted(email))).requester().email())
                .isEqualTo(email);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mette", "@example.dk", "mette@", "mette@example", "mette@@example.dk",
            "mette@ex@ample.dk", "mette hansen@example.dk", "mette@example..dk", "mette@.example.dk",
            "mette@example.dk."})
    void anImplausibleEmailIsRejected(String email) {
        assertThat(fieldsOf(with(valid(), "requester.email", quoted(email)))).containsExactly("requester.email");
    }

    @Test
    void anEmailHasAtMost254Characters() {
        String local = "m".repeat(64);
        String domain = "d".repeat(63) + "." + "d".repeat(63) + "." + "d".repeat(58) + ".dk";
        assertThat(local + "@" + domain).hasSize(254);

        assertThat(reader.read(with(valid(), "requester.email", quoted(local + "@" + domain)))).isNotNull();
        assertThat(fieldsOf(with(valid(), "requester.email", quoted(local + "@d" + domain))))
                .containsExactly("requester.email");
    }

    @ParameterizedTest
    @ValueSource(strings = {"13585628", "13748136"})
    void aValidCvrIsAccepted(String cvr) {
        assertThat(reader.read(with(valid(), "solution.supplierCvr", quoted(cvr))).solution().supplierCvr())
                .isEqualTo(cvr);
    }

    @ParameterizedTest
    @MethodSource("invalidCvrs")
    void anInvalidCvrIsRejectedWithTheReason(String cvr, String message) {
        assertThat(errorsOf(with(valid(), "solution.supplierCvr", quoted(cvr))))
                .containsExactly(new FieldError("solution.supplierCvr", message));
    }

    static Stream<Arguments> invalidCvrs() {
        return Stream.of(
                Arguments.of("1358562", "must be 8 digits"),
                Arguments.of("135856281", "must be 8 digits"),
                Arguments.of("1358562A", "must be 8 digits"),
                Arguments.of("1358 5628", "must be 8 digits"),
                Arguments.of("DK13585628", "must be 8 digits"),
                Arguments.of("01358562", "must not start with 0"),
                Arguments.of("13585629", "is not a valid CVR number (the modulus-11 check fails)"),
                Arguments.of("13748137", "is not a valid CVR number (the modulus-11 check fails)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com", "https://example.com/book-creator?lang=da#top",
            "HTTPS://EXAMPLE.COM", "https://skole.kk.dk:8443/app"})
    void anHttpOrHttpsUrlIsAccepted(String url) {
        assertThat(reader.read(with(valid(), "solution.url", quoted(url))).solution().url()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/file", "/relative/path", "example.com", "javascript:alert(1)",
            "https://", "https:///path", "mailto:it@example.dk", "https://exa mple.com", "file:///etc/passwd"})
    void aUrlThatIsNotAnAbsoluteHttpUrlIsRejected(String url) {
        assertThat(fieldsOf(with(valid(), "solution.url", quoted(url)))).containsExactly("solution.url");
    }

    @Test
    void aUrlHasAtMost2000Characters() {
        String prefix = "https://example.com/";

        assertThat(reader.read(with(valid(), "solution.url", quoted(prefix + "a".repeat(2000 - prefix.length())))))
                .isNotNull();
        assertThat(fieldsOf(with(valid(), "solution.url", quoted(prefix + "a".repeat(2001 - prefix.length())))))
                .containsExactly("solution.url");
    }

    // --- lists without repeats ---

    @Test
    void aRepeatedAiFeatureIsNamedByItsIndex() {
        assertThat(errorsOf(with(valid(), "solution.aiFeatures", "['GRADING', 'GENERATIVE', 'GRADING']")))
                .containsExactly(new FieldError("solution.aiFeatures[2]", "repeats GRADING"));
    }

    @Test
    void aRepeatedDataSubjectOrCategoryIsNamedByItsIndex() {
        ObjectNode tree = with(valid(), "personalData.subjects", "['PUPILS', 'PUPILS']");
        with(tree, "personalData.categories", "['CPR', 'CONTACT', 'CPR']");

        assertThat(fieldsOf(tree)).containsExactlyInAnyOrder("personalData.subjects[1]",
                "personalData.categories[2]");
    }

    // --- cost ---

    @Test
    void aNegativePriceIsRejected() {
        assertThat(fieldsOf(with(valid(), "cost.priceDkk", "-1"))).containsExactly("cost.priceDkk");
        assertThat(fieldsOf(with(valid(), "cost.priceDkk", "-0.01"))).containsExactly("cost.priceDkk");
    }

    @Test
    void aPriceAboveOneBillionIsRejected() {
        assertThat(reader.read(with(valid(), "cost.priceDkk", "1000000000")).cost().priceDkk())
                .isEqualByComparingTo("1000000000");
        assertThat(fieldsOf(with(valid(), "cost.priceDkk", "1000000000.01"))).containsExactly("cost.priceDkk");
        assertThat(fieldsOf(with(valid(), "cost.priceDkk", "1e400"))).containsExactly("cost.priceDkk");
    }

    @Test
    void aFreeSolutionHasNoPrice() {
        ObjectNode free = with(valid(), "cost.free", "true");

        assertThat(errorsOf(with(free, "cost.priceDkk", "100"))).containsExactly(
                new FieldError("cost.priceDkk", "must be 0 or absent when free is true"));
        assertThat(reader.read(with(free, "cost.priceDkk", "0")).cost().free()).isTrue();
        assertThat(reader.read(with(free, "cost.priceDkk", "0.0")).cost().free()).isTrue();
        assertThat(reader.read(remove(free, "cost.priceDkk")).cost().priceDkk()).isNull();
    }

    @Test
    void aPriceWithDecimalsIsKeptExactly() {
        assertThat(reader.read(with(valid(), "cost.priceDkk", "1499.95")).cost().priceDkk())
                .isEqualByComparingTo("1499.95");
    }

    // --- personal data ---

    @ParameterizedTest
    @ValueSource(strings = {"personalData.subjects", "personalData.categories", "personalData.location"})
    void processedPersonalDataNeedsSubjectsCategoriesAndLocation(String field) {
        assertThat(fieldsOf(remove(valid(), field))).containsExactly(field);
        assertThat(fieldsOf(with(valid(), field, "null"))).containsExactly(field);
    }

    @Test
    void processedPersonalDataNeedsAtLeastOneSubjectAndCategory() {
        ObjectNode tree = with(valid(), "personalData.subjects", "[]");
        with(tree, "personalData.categories", "[]");

        assertThat(fieldsOf(tree)).containsExactlyInAnyOrder("personalData.subjects", "personalData.categories");
    }

    @Test
    void personalDataThatIsNotProcessedHasNoSubjectsOrCategories() {
        ObjectNode tree = with(valid(), "personalData.processed", "false");

        assertThat(errorsOf(tree)).containsExactlyInAnyOrder(
                new FieldError("personalData.subjects", "must be empty or absent when processed is false"),
                new FieldError("personalData.categories", "must be empty or absent when processed is false"));
    }

    @Test
    void personalDataThatIsNotProcessedMayGiveEmptyListsAndNoLocation() {
        ObjectNode tree = with(valid(), "personalData",
                "{'processed': false, 'subjects': [], 'categories': [], 'location': null}");

        AssessmentRequest.PersonalData personalData = reader.read(tree).personalData();

        assertThat(personalData.processed()).isFalse();
        assertThat(personalData.subjects()).isEmpty();
        assertThat(personalData.categories()).isEmpty();
        assertThat(personalData.location()).isNull();
    }

    @Test
    void supplierOwnPurposesIsRead() {
        assertThat(reader.read(with(valid(), "personalData.supplierOwnPurposes", "true")).personalData()
                .supplierOwnPurposes()).isTrue();
    }

    // --- numbers ---

    @ParameterizedTest
    @ValueSource(strings = {"-1", "10000001", "1.5", "'12'", "1e20", "true", "123456789012345678901234567890",
            "1e400"})
    void usersOutsideZeroToTenMillionOrNotAWholeNumberIsNamed(String users) {
        assertThat(fieldsOf(with(valid(), "users", users))).containsExactly("users");
    }

    @Test
    void usersIsAWholeNumberFromZeroToTenMillion() {
        assertThat(reader.read(with(valid(), "users", "0")).users()).isZero();
        assertThat(reader.read(with(valid(), "users", "10000000")).users()).isEqualTo(10_000_000);
        assertThat(reader.read(with(valid(), "users", "25.0")).users()).isEqualTo(25);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "-0.5", "745", "'2'"})
    void hoursPerMonthOutsideZeroTo744IsNamed(String hours) {
        assertThat(fieldsOf(with(valid(), "operations.hoursPerMonth", hours)))
                .containsExactly("operations.hoursPerMonth");
    }

    @Test
    void hoursPerMonthMayHaveDecimals() {
        assertThat(reader.read(with(valid(), "operations", "{'hoursPerMonth': 1.5}")).operations().hoursPerMonth())
                .isEqualByComparingTo("1.5");
        assertThat(reader.read(with(valid(), "operations", "{'hoursPerMonth': 744}")).operations().hoursPerMonth())
                .isEqualByComparingTo("744");
    }

    // --- the body itself ---

    @Test
    void aNulCharacterInTheBodyIsRejected() {
        byte[] body = "{\"requester\": {\"name\": \"Mette\u0000\"}}".getBytes(StandardCharsets.UTF_8);

        assertThat(bodyFieldsOf(body)).containsExactly("$");
    }

    @Test
    void invalidUtf8IsRejected() {
        byte[] body = {'{', '"', 'n', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        assertThat(bodyFieldsOf(body)).containsExactly("$");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"requester\": }", "{'requester': {}}", "{} {}", "not json", ""})
    void malformedJsonIsRejected(String body) {
        assertThat(bodyFieldsOf(body.getBytes(StandardCharsets.UTF_8))).containsExactly("$");
    }

    @Test
    void aDuplicateKeyIsRejected() {
        byte[] body = "{\"purpose\": \"TRIAL\", \"purpose\": \"NEW_USE\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(bodyFieldsOf(body)).containsExactly("$");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{}]", "\"request\"", "42", "null", "true"})
    void theTopLevelMustBeAnObject(String body) {
        assertThat(bodyFieldsOf(body.getBytes(StandardCharsets.UTF_8))).containsExactly("$");
    }

    @Test
    void anEmptyObjectNamesEveryRequiredPart() {
        assertThat(fieldsOf(JSON.createObjectNode())).containsExactlyInAnyOrder(
                "requester", "solution", "purpose", "cost", "personalData");
    }

    // --- fixtures ---

    /** Example 02: personal data processed, a CVR, a price. */
    private static ObjectNode valid() {
        return (ObjectNode) example("02-smartboard-with-software").get("request").deepCopy();
    }

    private static JsonNode example(String name) {
        try (InputStream in = RequestReaderTests.class.getResourceAsStream("/examples/" + name + ".json")) {
            assertThat(in).as("example %s", name).isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets the value at a dotted path (creating missing objects) to JSON written with single quotes. */
    private static ObjectNode with(ObjectNode tree, String path, String json) {
        parent(tree, path).set(last(path), JSON.readTree(json.replace('\'', '"')));
        return tree;
    }

    private static ObjectNode remove(ObjectNode tree, String path) {
        parent(tree, path).remove(last(path));
        return tree;
    }

    private static ObjectNode parent(ObjectNode tree, String path) {
        ObjectNode node = tree;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
        }
        return node;
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** A JSON string literal (the text must not contain quotes or backslashes other than escapes meant as such). */
    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    private List<FieldError> errorsOf(JsonNode tree) {
        InvalidRequest invalid = catchThrowableOfType(InvalidRequest.class, () -> reader.read(tree));
        assertThat(invalid).as("the request is rejected").isNotNull();
        return invalid.errors();
    }

    private List<String> fieldsOf(JsonNode tree) {
        return errorsOf(tree).stream().map(FieldError::field).toList();
    }

    private List<String> bodyFieldsOf(byte[] body) {
        InvalidRequest invalid = catchThrowableOfType(InvalidRequest.class, () -> reader.read(body));
        assertThat(invalid).as("the body is rejected").isNotNull();
        return invalid.errors().stream().map(FieldError::field).toList();
    }

    private static String[] names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toArray(String[]::new);
    }
}
