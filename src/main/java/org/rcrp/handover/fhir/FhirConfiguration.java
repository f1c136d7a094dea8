package org.rcrp.handover.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.List;
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

    @Bean
    ServletRegistrationBean<RestfulServer> fhirServlet(FhirContext fhirContext, TaskResourceProvider tasks,
                                                       OrganizationResourceProvider organizations) {
        RestfulServer server = new RestfulServer(fhirContext);
        server.setServerName("RCRP Handover");
        server.setImplementationDescription("Right Care, Right Person referrals as FHIR R4 Task resources");
        server.setDefaultResponseEncoding(EncodingEnum.JSON);
        server.setResourceProviders(List.of(tasks, organizations));
        ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(server, "/fhir/*");
        registration.setName("fhir");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
