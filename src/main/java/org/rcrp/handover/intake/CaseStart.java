package org.rcrp.handover.intake;

import java.time.LocalDate;
import java.util.Set;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Category;

/** What the case process needs from a logged call (its gateways and threshold table read these); the full call record is kept by intake. */
public record CaseStart(String caseId, String reference, Category category, Boolean urban,
                        Integer subjectAge, Set<Agency> knownTo, Awol awol) {

    /** AWOL details (MHA s18); required for an AWOL call. */
    public record Awol(String mhaSection, LocalDate retakeExpiry, boolean partThree, boolean dangerous,
                       boolean particularlyVulnerable, boolean hospitalSearched) {
    }

    public CaseStart {
        knownTo = knownTo == null ? Set.of() : Set.copyOf(knownTo);
    }
}
