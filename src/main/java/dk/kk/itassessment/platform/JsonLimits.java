package dk.kk.itassessment.platform;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bounds of every JSON document the service reads, request bodies, scenario files and its own stored JSON alike:
 * Jackson's {@link StreamReadConstraints} on the one {@link JsonMapper} of the application context, so that a
 * document past them stops being parsed at the token that breaks them. The request's own fields have narrower bounds
 * ({@code intake/RequestReader}); these are the ones no document of this service comes near.
 * <p>
 * Spring Boot builds its {@code JsonMapper.Builder} on Jackson's default factory, whose constraints cannot be changed
 * afterwards; this builder is the same but for the factory, and every {@link JsonMapperBuilderCustomizer} (Spring
 * Boot's {@code spring.jackson.*} properties among them) is applied to it as Spring Boot would.
 */
@Configuration(proxyBeanMethods = false)
public class JsonLimits {

    /** A request is three levels deep, a scenario five, a stored rule-set report about eight. */
    public static final int MAX_DEPTH = 32;
    /** Digits, sign, point and exponent together: a price in DKK with its øre needs 13. */
    public static final int MAX_NUMBER_LENGTH = 40;
    /** Characters of one string: above the 64 KiB body limit, so a request's fields are refused by their own rules. */
    public static final int MAX_STRING_LENGTH = 100_000;
    /** Characters of one property name: an unknown one is named in the answer. */
    public static final int MAX_NAME_LENGTH = 256;

    public static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .maxNameLength(MAX_NAME_LENGTH)
            .build();

    @Bean
    @Scope("prototype")
    JsonMapper.Builder jsonMapperBuilder(ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
        JsonMapper.Builder builder = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build());
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder;
    }
}
