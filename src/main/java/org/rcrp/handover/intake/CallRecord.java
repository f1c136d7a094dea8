package org.rcrp.handover.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.Source;

/** A logged call as stored; the case process runs under its id. */
public record CallRecord(String id, String reference, Source source, Category category, String summary,
                         String locationDescription, Boolean urban, String subjectName, Integer subjectAge,
                         List<Agency> knownTo, String callerName, String callerPhone, String callerRelationship,
                         String awolMhaSection, LocalDate awolRetakeExpiry, Boolean awolPartThree, Boolean awolDangerous,
                         Boolean awolParticularlyVulnerable, Boolean awolHospitalSearched, Instant loggedAt, String loggedBy) {
}
