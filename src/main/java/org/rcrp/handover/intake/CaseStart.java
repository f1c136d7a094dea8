package org.rcrp.handover.intake;

import java.time.LocalDate;
import java.util.Set;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.AwolKind;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.S136Details;
import org.rcrp.handover.process.Source;
import org.rcrp.handover.process.WalkoutSetting;

/** What the case process needs from a logged call (its gateways and threshold table read these); the full call record is kept by intake. */
public record CaseStart(String caseId, String reference, Category category, Boolean urban,
                        Integer subjectAge, Set<Agency> knownTo, Awol awol, Walkout walkout, S136Details s136,
                        Source source) {

    /** A case whose source is not kept: it has the triage clock of any call that is not 999. */
    public CaseStart(String caseId, String reference, Category category, Boolean urban, Integer subjectAge, Set<Agency> knownTo,
                     Awol awol, Walkout walkout, S136Details s136) {
        this(caseId, reference, category, urban, subjectAge, knownTo, awol, walkout, s136, null);
    }

    public CaseStart(String caseId, String reference, Category category, Boolean urban, Integer subjectAge, Set<Agency> knownTo,
                     Awol awol, Walkout walkout) {
        this(caseId, reference, category, urban, subjectAge, knownTo, awol, walkout, null, null);
    }

    /** AWOL details (MHA s18); required for an AWOL call. */
    public record Awol(String mhaSection, LocalDate retakeExpiry, boolean partThree, boolean dangerous,
                       boolean particularlyVulnerable, boolean hospitalSearched, AwolKind kind) {
    }

    /** A walk-out's codes and answers, null when not given; its description and last-seen time stay with the call. */
    public record Walkout(WalkoutSetting setting, Boolean detained, Boolean riskAssessmentGiven, Boolean capacityConcern) {
    }

    public CaseStart {
        knownTo = knownTo == null ? Set.of() : Set.copyOf(knownTo);
    }
}
