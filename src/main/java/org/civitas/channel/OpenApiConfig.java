package org.civitas.channel;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the machine channels, served by springdoc at {@code /v3/api-docs} and shown at
 * {@code /swagger-ui.html} (docs/api.md). Only {@code /api/v1} and {@code /open311} are described.
 */
@Configuration
@OpenAPIDefinition(info = @Info(title = "Civitas channel API", version = "v1",
        description = "Channel systems file and follow cases: the native API and Open311 GeoReport v2. "
                + "Error messages come in Chinese and English (docs/api.md)."))
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        paramName = ApiSecurityConfig.HEADER)
class OpenApiConfig {
}
