package dev.vigil.incident.alertmanager;

import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alertmanager's webhook receiver. A firing alert opens an incident or counts an occurrence of
 * the unresolved one with its fingerprint; a resolved alert resolves that incident unless a
 * person has taken it over. The gateway admits the call with a JWT carrying
 * {@code incidents:write} or with the static bearer token configured for Alertmanager.
 */
@RestController
class AlertmanagerController {

    static final String PATH = "/api/security/alertmanager";

    private final AlertIntake intake;

    AlertmanagerController(AlertIntake intake) {
        this.intake = intake;
    }

    @PostMapping(PATH)
    Mono<AlertIntake.Received> receive(@Valid @RequestBody AlertmanagerPayload payload) {
        return this.intake.receive(payload);
    }
}
