package org.rcrp.handover.assurance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.process.Route;
import org.rcrp.handover.process.SampleReason;

/** Which closed cases a second person reviews, with the random draw chosen by the test. */
class QualityReviewPolicyTest {

    private static final AssuranceProperties SETTINGS = new AssuranceProperties(0.05, 2, Duration.ofDays(7), 7, Duration.ofHours(24));

    private static QualityReviewPolicy drawing(double draw) {
        return new QualityReviewPolicy(SETTINGS, () -> draw);
    }

    private static QualityReviewPolicy.Closure closure(Route route, boolean overridden, boolean notLocated, Integer age, int escalations) {
        return new QualityReviewPolicy.Closure(route, overridden, notLocated, age, escalations);
    }

    @Test
    void everyNotLocatedClosureIsReviewedWhateverTheRouteAndTheDraw() {
        assertThat(drawing(0.99).sample(closure(Route.POLICE_ATTEND, false, true, 40, 0))).contains(SampleReason.NOT_LOCATED);
        assertThat(drawing(0.99).sample(closure(Route.REFER, true, true, 40, 0))).contains(SampleReason.NOT_LOCATED);
    }

    @Test
    void everyOverrideIsReviewedWhateverTheDraw() {
        assertThat(drawing(0.99).sample(closure(Route.ADVICE_AND_CLOSE, true, false, 40, 0))).contains(SampleReason.OVERRIDE);
        assertThat(drawing(0.99).sample(closure(Route.POLICE_ATTEND, true, false, 40, 0))).contains(SampleReason.OVERRIDE);
    }

    @Test
    void aShareOfNonPoliceDecisionsIsDrawnAtRandom() {
        assertThat(drawing(0.049).sample(closure(Route.REFER, false, false, 40, 0))).contains(SampleReason.RANDOM);
        assertThat(drawing(0.049).sample(closure(Route.ADVICE_AND_CLOSE, false, false, 40, 0))).contains(SampleReason.RANDOM);
        assertThat(drawing(0.05).sample(closure(Route.REFER, false, false, 40, 0))).isEmpty();
    }

    @Test
    void policeAttendedCasesAreNotDrawnAtRandom() {
        assertThat(drawing(0.0).sample(closure(Route.POLICE_ATTEND, false, false, 40, 0))).isEmpty();
        assertThat(drawing(0.0).sample(closure(null, false, false, 40, 0))).isEmpty();
    }

    @Test
    void childrenAndCasesASupervisorReviewedAreDrawnAtTheRiskWeightedShare() {
        assertThat(drawing(0.09).sample(closure(Route.REFER, false, false, 15, 0))).contains(SampleReason.RANDOM);
        assertThat(drawing(0.09).sample(closure(Route.REFER, false, false, 40, 1))).contains(SampleReason.RANDOM);
        assertThat(drawing(0.09).sample(closure(Route.REFER, false, false, 40, 0))).isEmpty();
        assertThat(drawing(0.09).sample(closure(Route.REFER, false, false, null, 0))).isEmpty();
        assertThat(drawing(0.0).share(closure(Route.REFER, false, false, 17, 0))).isEqualTo(0.1);
    }

    @Test
    void theShareIsConfigurableAndNeverAboveOne() {
        QualityReviewPolicy everything = new QualityReviewPolicy(new AssuranceProperties(1, 3, Duration.ofDays(7), 7,
                Duration.ofHours(24)), () -> 0.999);
        assertThat(everything.sample(closure(Route.REFER, false, false, 40, 0))).contains(SampleReason.RANDOM);
        assertThat(everything.share(closure(Route.REFER, false, false, 12, 2))).isEqualTo(1.0);
        QualityReviewPolicy none = new QualityReviewPolicy(new AssuranceProperties(0, 2, Duration.ofDays(7), 7,
                Duration.ofHours(24)), () -> 0.0);
        assertThat(none.sample(closure(Route.REFER, false, false, 40, 0))).isEmpty();
        assertThat(none.sample(closure(Route.REFER, true, false, 40, 0))).contains(SampleReason.OVERRIDE);
    }

    @Test
    void theReviewIsDueAfterTheConfiguredTime() {
        assertThat(drawing(0.5).due()).isEqualTo("PT168H");
    }
}
