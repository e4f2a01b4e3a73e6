package dk.kk.itassessment.access;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description says that every operation takes HTTP Basic (Swagger UI's "Authorize" button). */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(security = @SecurityRequirement(name = ApiDocsSecurity.BASIC))
@SecurityScheme(name = ApiDocsSecurity.BASIC, type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "A local account (docs/authorization.md: who may call what)")
class ApiDocsSecurity {

    static final String BASIC = "basic";
}
