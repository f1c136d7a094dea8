package org.rcrp.handover.dispute;

import java.time.Duration;
import java.util.List;
import org.rcrp.handover.process.Groups;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The tiers of an inter-agency dispute (docs/processes.md, Disputes between agencies): at tier n the police side is {@code policeGroups[n-1]} and
 * the partner side is the agency's own group with {@code partnerGroupSuffixes[n-1]} appended ({@code mental-health} +
 * {@code -managers}). Each tier has until the end of the shift, {@code shiftEnd} after it started, to agree.
 */
@ConfigurationProperties("rcrp.disputes")
public record DisputeProperties(Duration shiftEnd, List<String> policeGroups, List<String> partnerGroupSuffixes) {

    public DisputeProperties {
        shiftEnd = shiftEnd == null ? Duration.ofHours(8) : shiftEnd;
        if (shiftEnd.isNegative() || shiftEnd.isZero()) {
            throw new IllegalArgumentException("rcrp.disputes.shift-end must be positive");
        }
        policeGroups = policeGroups == null || policeGroups.isEmpty()
                ? List.of(Groups.DUTY_INSPECTORS, Groups.POLICE_SENIOR_MANAGERS) : List.copyOf(policeGroups);
        partnerGroupSuffixes = partnerGroupSuffixes == null || partnerGroupSuffixes.isEmpty()
                ? List.of(Groups.MANAGERS, "senior-managers") : List.copyOf(partnerGroupSuffixes);
        if (policeGroups.size() != partnerGroupSuffixes.size()) {
            throw new IllegalArgumentException("rcrp.disputes needs as many police groups as partner group suffixes (one per tier)");
        }
    }

    public static DisputeProperties defaults() {
        return new DisputeProperties(null, null, null);
    }
}
