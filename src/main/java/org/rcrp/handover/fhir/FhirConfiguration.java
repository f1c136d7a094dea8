package org.rcrp.handover.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HL7 FHIR R4 for partner systems at {@code /fhir}: a HAPI FHIR RestfulServer registered as its own
 * servlet beside Spring MVC. Signed in exactly like {@code /api} (SecurityConfiguration); errors are
 * FHIR OperationOutcome resources, which is what FHIR clients read. {@code GET /fhir/metadata} is the
 * CapabilityStatement HAPI builds from the providers.
 */
@Configuration
class FhirConfiguration {

    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4Cached();
    }

    /**
     * Servlet registrations are created before any other bean, while the web server is set up. The
     * providers (and through them the engine) are therefore fetched only when the servlet initialises,
     * at the end of start-up: building the engine here would create its tables before Flyway has run,
     * and Flyway would then baseline over our own migrations.
     */
    @Bean
    ServletRegistrationBean<RestfulServer> fhirServlet(FhirContext fhirContext, ObjectProvider<TaskResourceProvider> tasks,
                                                       ObjectProvider<OrganizationResourceProvider> organizations) {
        RestfulServer server = new RestfulServer(fhirContext) {
            @Override
            protected void initialize() {
                setServerName("RCRP Handover");
                setImplementationDescription("Right Care, Right Person referrals as FHIR R4 Task resources");
                setDefaultResponseEncoding(EncodingEnum.JSON);
                setResourceProviders(List.of(tasks.getObject(), organizations.getObject()));
            }
        };
        ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(server, "/fhir/*");
        registration.setName("fhir");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
