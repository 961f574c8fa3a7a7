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
@OpenAPIDefinition(info = @Info(title = "Civitas 渠道接口 / channel API", version = "v1",
        description = "文明城市负面清单管理平台：渠道系统登记与跟踪诉求（原生 API 与 Open311 GeoReport v2）。"
                + " Channel systems file and follow cases: the native API and Open311 GeoReport v2."))
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        paramName = ApiSecurityConfig.HEADER)
class OpenApiConfig {
}
