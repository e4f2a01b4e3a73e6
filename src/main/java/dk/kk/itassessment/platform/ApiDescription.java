package dk.kk.itassessment.platform;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The head of the OpenAPI description ({@code /v3/api-docs}): what the API is, and the one server it names,
 * {@code assessment.api-docs.server-url}. The server is never taken from the request's {@code Host} header, which
 * any client can set (the description would then send Swagger UI's calls, credentials included, wherever a link
 * said). The default, {@code /}, is relative: the server that served the description.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    /** {@code assessment.api-docs.*}: the server URL the description names. */
    @ConfigurationProperties("assessment.api-docs")
    record Settings(@DefaultValue("/") String serverUrl) {
    }

    @Bean
    OpenAPI openApi(Settings settings) {
        return new OpenAPI()
                .info(new Info()
                        .title("IT-acquisition assessment service (BUF, Copenhagen)")
                        .version("v1")
                        .summary("Assesses IT acquisitions against the municipality's policy, with explained decisions")
                        .description("Every operation needs credentials (see the security schemes; who may call "
                                + "what: docs/authorization.md). Errors are application/problem+json (RFC 9457)."))
                .servers(List.of(new Server().url(settings.serverUrl())));
    }
}
