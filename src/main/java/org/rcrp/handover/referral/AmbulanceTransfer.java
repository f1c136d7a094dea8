package org.rcrp.handover.referral;

import static org.rcrp.handover.process.PartnerReferralProcess.Variables.AGENCY;
import static org.rcrp.handover.process.PartnerReferralProcess.Variables.AMBULANCE_ETA;
import static org.rcrp.handover.process.PartnerReferralProcess.Variables.ETA_BEYOND_RISK_WINDOW;
import static org.rcrp.handover.process.PartnerReferralProcess.Variables.NOTIFIED_AT;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Grade;
import org.rcrp.handover.process.SlaPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * The ambulance service as an emergency transfer, not a 30-minute accept ({@code ${ambulanceTransfer...}} in
 * partner-referral): a medical emergency (grade IMMEDIATE) must be acknowledged within minutes, with the service's
 * category and ETA; an ETA beyond the risk window brings police (escalation AMBULANCE_ETA). A non-urgent conveyance
 * (grade SCHEDULED) is arranged on a longer clock. Any other referral keeps the partner acknowledgement clock.
 */
@Component("ambulanceTransfer")
public class AmbulanceTransfer {

    /** {@code rcrp.ambulance}: the clocks of an emergency transfer and of a conveyance, and the risk window for the ETA. */
    @ConfigurationProperties("rcrp.ambulance")
    public record Properties(Duration emergencyAcknowledgement, Duration conveyanceAcknowledgement, Duration riskWindow) {

        public Properties {
            emergencyAcknowledgement = emergencyAcknowledgement == null ? Duration.ofMinutes(5) : emergencyAcknowledgement;
            conveyanceAcknowledgement = conveyanceAcknowledgement == null ? Duration.ofHours(2) : conveyanceAcknowledgement;
            riskWindow = riskWindow == null ? Duration.ofMinutes(20) : riskWindow;
        }

        public static Properties defaults() {
            return new Properties(null, null, null);
        }
    }

    @Configuration
    @EnableConfigurationProperties(Properties.class)
    static class Binding {
    }

    private final Properties properties;
    private final SlaPolicy slaPolicy;

    private final Clock clock;

    public AmbulanceTransfer(Properties properties, SlaPolicy slaPolicy, Clock clock) {
        this.clock = clock;
        this.properties = properties;
        this.slaPolicy = slaPolicy;
    }

    public static boolean emergency(Object agency, Object grade) {
        return Agency.AMBULANCE.name().equals(String.valueOf(agency)) && Grade.IMMEDIATE.name().equals(String.valueOf(grade));
    }

    /** The acknowledgement clock of this referral (timer_partner_sla and the task's due date). */
    public String acknowledgement(Object agency, Object grade) {
        if (emergency(agency, grade)) {
            return properties.emergencyAcknowledgement().toString();
        }
        if (Agency.AMBULANCE.name().equals(String.valueOf(agency)) && Grade.SCHEDULED.name().equals(String.valueOf(grade))) {
            return properties.conveyanceAcknowledgement().toString();
        }
        return slaPolicy.partnerAcknowledgement();
    }

    /** On acceptance: whether the ambulance's ETA is later than the risk window from when it was asked. */
    public void checkEta(DelegateExecution execution) {
        Date eta = AMBULANCE_ETA.get(execution);
        if (eta == null || AGENCY.get(execution) != Agency.AMBULANCE) {
            ETA_BEYOND_RISK_WINDOW.set(execution, false);
            return;
        }
        Date asked = NOTIFIED_AT.find(execution).orElse(Date.from(clock.instant()));
        ETA_BEYOND_RISK_WINDOW.set(execution, eta.toInstant().isAfter(asked.toInstant().plus(properties.riskWindow())));
    }
}
