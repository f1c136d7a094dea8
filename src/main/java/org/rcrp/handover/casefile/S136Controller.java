package org.rcrp.handover.casefile;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import org.rcrp.handover.identity.Actors;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/calls/{id}/s136")
class S136Controller {

    private final S136Extensions extensions;
    private final Actors actors;

    S136Controller(S136Extensions extensions, Actors actors) {
        this.extensions = extensions;
        this.actors = actors;
    }

    record ExtensionRecorded(Instant detentionLimit) {
    }

    @PostMapping("/extension")
    @Operation(summary = "The responsible clinician extends the s136 detention by 12 h (hospital liaison; once, before the limit)",
            description = "400 naming clinician or reason; 403 outside the hospital; 409 before the arrival, after the limit, "
                    + "after the assessment ended or when already extended.")
    ExtensionRecorded extend(@PathVariable String id, @RequestBody S136Extensions.Extension body) {
        return new ExtensionRecorded(extensions.extend(id, body, actors.current().requireMayChangeCases()));
    }
}
