package org.rcrp.handover.dispute;

import java.time.Clock;
import java.util.Date;
import org.rcrp.handover.process.Agency;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** Who answers a dispute at each tier and by when, for interagency-dispute.bpmn ({@code ${disputeTiers.…}}). */
@Component("disputeTiers")
@EnableConfigurationProperties(DisputeProperties.class)
public class DisputeTiers {

    private final DisputeProperties properties;

    private final Clock clock;

    public DisputeTiers(DisputeProperties properties, Clock clock) {
        this.clock = clock;
        this.properties = properties;
    }

    public int count() {
        return properties.policeGroups().size();
    }

    public String policeGroup(Object tier) {
        return properties.policeGroups().get(index(tier));
    }

    /** The agency's managers group at the tier, derived from the group that takes its referrals: mental-health-managers. */
    public String partnerGroup(Object agency, Object tier) {
        return managersGroup(Agency.valueOf(String.valueOf(agency)), properties.partnerGroupSuffixes().get(index(tier)));
    }

    /** The one place a partner's managers group is named: its referral group, a hyphen, the suffix. */
    public static String managersGroup(Agency agency, String suffix) {
        return agency.candidateGroup().orElseThrow(() -> new IllegalArgumentException(agency + " takes no referrals"))
                + "-" + suffix;
    }

    /** The tier's clock as an ISO duration, for the shift-end timer. */
    public String shiftEnd() {
        return properties.shiftEnd().toString();
    }

    /** When the current tier's answers are due (the shift's end, counted from now). */
    public Date due() {
        return new Date(clock.millis() + properties.shiftEnd().toMillis());
    }

    private int index(Object tier) {
        int value = tier == null ? 1 : ((Number) tier).intValue();
        if (value < 1 || value > count()) {
            throw new IllegalArgumentException("No dispute tier " + value + "; there are " + count());
        }
        return value - 1;
    }
}
