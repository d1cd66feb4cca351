package io.swiftresponse.knowledge;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Looks for articles that passed their last day in force and tells their owners (runs where scheduling is on). */
@Component
class ExpiryWatch {

    private final Consultations consultations;

    ExpiryWatch(Consultations consultations) {
        this.consultations = consultations;
    }

    @Scheduled(fixedDelayString = "${swift.knowledge.expiry-scan-interval:PT1H}", initialDelayString = "PT1M")
    void scan() {
        consultations.reportExpired();
    }
}
