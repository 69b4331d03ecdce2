package dev.vigil.health.api;

import dev.vigil.health.monitor.Monitor;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The platform's health now, from memory (it answers while the database is down), and a run of every check. */
@RestController
class HealthController {

    private final Monitor monitor;

    HealthController(Monitor monitor) {
        this.monitor = monitor;
    }

    @GetMapping("/api/security/health")
    HealthReport health() {
        return HealthReport.of(this.monitor.statuses());
    }

    /** Runs every check now (synthetic checks, e.g. from a CronJob) and answers the report after them. */
    @PostMapping("/api/security/cron/health-check")
    Mono<HealthReport> runAll() {
        return this.monitor.runAll().then(Mono.fromSupplier(() -> HealthReport.of(this.monitor.statuses())));
    }
}
