package org.rcrp.handover.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at /v3/api-docs (Swagger UI at /swagger-ui.html). */
@Configuration
class OpenApiConfiguration {

    @Bean
    OpenAPI rcrpOpenApi() {
        return new OpenAPI()
                .info(new Info().title("RCRP Handover API")
                        .description("Right Care, Right Person: log calls, triage, refer to partners, escalate. "
                                + "Errors are application/problem+json with errors[{field, message}] for bad input.")
                        .version("1")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
