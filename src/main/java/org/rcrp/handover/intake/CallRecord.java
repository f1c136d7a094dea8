package org.rcrp.handover.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.AwolKind;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.Source;
import org.rcrp.handover.process.WalkoutSetting;

/** A logged call as stored; the case process runs under its id. */
public record CallRecord(String id, String reference, Source source, Category category, String summary,
                         String locationDescription, Boolean urban, String subjectName, Integer subjectAge,
                         List<Agency> knownTo, String callerName, String callerPhone, String callerRelationship,
                         String awolMhaSection, LocalDate awolRetakeExpiry, Boolean awolPartThree, Boolean awolDangerous,
                         Boolean awolParticularlyVulnerable, Boolean awolHospitalSearched, Instant loggedAt, String loggedBy,
                         AwolKind awolKind, Walkout walkout) {

    /** A walk-out's details as logged; null on a call that gave none. */
    public record Walkout(WalkoutSetting setting, Boolean detained, Boolean riskAssessmentGiven, String description,
                          Instant lastSeen, Boolean capacityConcern) {
    }

    /** A call without the AWOL kind or a walk-out's details. */
    public CallRecord(String id, String reference, Source source, Category category, String summary,
                      String locationDescription, Boolean urban, String subjectName, Integer subjectAge,
                      List<Agency> knownTo, String callerName, String callerPhone, String callerRelationship,
                      String awolMhaSection, LocalDate awolRetakeExpiry, Boolean awolPartThree, Boolean awolDangerous,
                      Boolean awolParticularlyVulnerable, Boolean awolHospitalSearched, Instant loggedAt, String loggedBy) {
        this(id, reference, source, category, summary, locationDescription, urban, subjectName, subjectAge, knownTo,
                callerName, callerPhone, callerRelationship, awolMhaSection, awolRetakeExpiry, awolPartThree, awolDangerous,
                awolParticularlyVulnerable, awolHospitalSearched, loggedAt, loggedBy, null, null);
    }
}
