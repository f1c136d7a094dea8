package org.rcrp.handover.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.Source;

/** A call's checks on the force's calendar, at the boundaries (the walk over HTTP and the web form is ContractPostgresIT). */
class CallChecksTest {

    private final CallChecks checks = new CallChecks(ZoneId.of("Europe/London"));
    /** 00:30 on 2 July in London (British Summer Time) is still 1 July in UTC. */
    private static final Instant JUST_AFTER_MIDNIGHT_IN_LONDON = Instant.parse("2026-07-01T23:30:00Z");

    private static NewCall awol(String retakeExpiry) {
        return new NewCall("CAD-1", Source.PARTNER, Category.AWOL, "Absent from the ward", null, null, null,
                new NewCall.Awol("s2", LocalDate.parse(retakeExpiry), false, false, false, true));
    }

    @Test
    void anExpiryOfTodayInTheForcesZoneIsStillARetake() {
        assertThat(checks.check(awol("2026-07-02"), JUST_AFTER_MIDNIGHT_IN_LONDON)).isEmpty();
        assertThat(checks.check(awol("2027-01-01"), JUST_AFTER_MIDNIGHT_IN_LONDON)).isEmpty();
    }

    @Test
    void anExpiryOfYesterdayInTheForcesZoneIsRefusedThoughItIsStillThatDayInUtc() {
        assertThat(checks.check(awol("2026-07-01"), JUST_AFTER_MIDNIGHT_IN_LONDON))
                .containsExactly(new FieldError("awol.retakeExpiry", CallChecks.RETAKE_LAPSED));
    }

    @Test
    void theLastMomentOfTheExpiryDayIsStillARetake() {
        assertThat(checks.check(awol("2026-07-02"), Instant.parse("2026-07-02T22:59:59Z"))).isEmpty();
        assertThat(checks.check(awol("2026-07-02"), Instant.parse("2026-07-02T23:00:00Z"))).hasSize(1);
    }

    @Test
    void aRetakeExpiryOnACallThatIsNotAwolIsNotJudged() {
        NewCall welfare = new NewCall("CAD-2", Source.PUBLIC_999, Category.CONCERN_FOR_WELFARE, "Not seen", null, null, null,
                awol("2020-01-01").awol());
        assertThat(checks.check(welfare, JUST_AFTER_MIDNIGHT_IN_LONDON)).isEmpty();
    }
}
