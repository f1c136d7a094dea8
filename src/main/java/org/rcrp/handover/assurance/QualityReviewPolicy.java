package org.rcrp.handover.assurance;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.rcrp.handover.process.Route;
import org.rcrp.handover.process.SampleReason;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which closed cases a second person reviews, and why. Every not-located closure and every override is reviewed; of
 * the other non-police decisions (route not POLICE_ATTEND when the case closed) a share is drawn at random, weighted by
 * risk: the share is multiplied by {@code rcrp.assurance.risk-weight} for a child (under 18) or a case a supervisor had to
 * review while it was open. Cases police attended are not drawn at random: the dip sample is of non-deployment decisions.
 * The random source is injected, so tests draw what they choose.
 */
@Component("qualityReviewPolicy")
public class QualityReviewPolicy {

    /** What the policy needs to know of a case that closed. */
    public record Closure(Route route, boolean overridden, boolean closedNotLocated, Integer subjectAge, int escalations) {

        boolean riskier() {
            return subjectAge != null && subjectAge < 18 || escalations > 0;
        }
    }

    private final AssuranceProperties properties;
    private final DoubleSupplier random;

    @Autowired
    public QualityReviewPolicy(AssuranceProperties properties) {
        this(properties, new SecureRandom()::nextDouble);
    }

    /** @param random draws uniformly from [0, 1) */
    public QualityReviewPolicy(AssuranceProperties properties, DoubleSupplier random) {
        this.properties = properties;
        this.random = random;
    }

    /** The weightiest reason to review the case, or empty when it is not reviewed. */
    public Optional<SampleReason> sample(Closure closure) {
        if (closure.closedNotLocated()) {
            return Optional.of(SampleReason.NOT_LOCATED);
        }
        if (closure.overridden()) {
            return Optional.of(SampleReason.OVERRIDE);
        }
        if (closure.route() == null || closure.route() == Route.POLICE_ATTEND) {
            return Optional.empty();
        }
        return random.getAsDouble() < share(closure) ? Optional.of(SampleReason.RANDOM) : Optional.empty();
    }

    /** The chance a non-police decision is drawn at random. */
    public double share(Closure closure) {
        return Math.min(1, properties.sampleShare() * (closure.riskier() ? properties.riskWeight() : 1));
    }

    /** The review's due date, from its start, as an ISO-8601 duration (quality-review.bpmn). */
    public String due() {
        return properties.reviewDue().toString();
    }
}
