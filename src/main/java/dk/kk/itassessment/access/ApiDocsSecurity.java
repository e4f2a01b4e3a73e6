package dk.kk.itassessment.access;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description says that every operation takes one of three credentials (Swagger UI's "Authorize"
 * button offers each): HTTP Basic for a local account, an API key as a bearer token, or a bearer JWT of the
 * identity provider where single sign-on is configured.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(security = {@SecurityRequirement(name = ApiDocsSecurity.BASIC),
    @SecurityRequirement(name = ApiDocsSecurity.API_KEY), @SecurityRequirement(name = ApiDocsSecurity.JWT)})
@SecurityScheme(name = ApiDocsSecurity.BASIC, type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "A local account (docs/authorization.md: who may call what)")
@SecurityScheme(name = ApiDocsSecurity.API_KEY, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "itak_…", description = "An API key of a machine client such as an intake form: "
        + "`Authorization: Bearer itak_…` (created by an ADMIN, POST /api/v1/api-keys)")
@SecurityScheme(name = ApiDocsSecurity.JWT, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A bearer JWT of the municipality's identity provider, where single sign-on is configured; "
        + "its roles claim names the caller's roles")
class ApiDocsSecurity {

    static final String BASIC = "basic";
    static final String API_KEY = "apiKey";
    static final String JWT = "jwt";
}
