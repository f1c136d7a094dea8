package org.rcrp.handover.web;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Route;
import org.rcrp.handover.triage.AssessThreshold;
import org.rcrp.handover.web.calls.CallForm;

/**
 * The triage page's form: the threshold questions, the rationale, an optional override with its reason; for a concern
 * for welfare whereabouts, entry, when last seen (the force's clock) and what the caller has done; THRIVE for every call;
 * and how many pieces of new information the page had shown when it was opened ({@code seenUpdates}, hidden).
 */
public class TriageForm {

    /** The body the answers make, or the answers that cannot be read (named by their form field). */
    record Read(AssessThreshold body, Map<String, String> errors) {
    }

    private Boolean crime;
    private Boolean riskToLife;
    private Boolean seriousHarm;
    private Boolean childAtRisk;
    private Boolean medicalEmergency;
    private Boolean missingPerson;
    private String rationale;
    private Route overrideRoute;
    private Agency overrideAgency;
    private String overrideReason;
    private Integer seenUpdates;
    private String shownRecommendation;
    private Boolean whereaboutsKnown;
    private Boolean entryNeeded;
    private String lastSeen;
    private String callerActions;
    private String thriveThreat;
    private String thriveHarm;
    private String thriveRisk;
    private String thriveInvestigation;
    private String thriveVulnerability;
    private String thriveEngagement;

    Read read(ZoneId zone) {
        Map<String, String> errors = new LinkedHashMap<>();
        OffsetDateTime seen = null;
        if (lastSeen != null && !lastSeen.isBlank()) {
            try {
                seen = CallForm.localDateTime(lastSeen.strip(), zone);
            } catch (DateTimeParseException notDateTime) {
                errors.put("lastSeen", LABELS.get("lastSeen"));
            }
        }
        AssessThreshold.OverrideChoice override = overrideRoute == null ? null
                : new AssessThreshold.OverrideChoice(overrideRoute, overrideAgency, null, overrideReason);
        AssessThreshold body = new AssessThreshold(crime, riskToLife, seriousHarm, childAtRisk, medicalEmergency, missingPerson,
                rationale, override, seenUpdates, whereaboutsKnown, entryNeeded, seen, callerActions,
                new AssessThreshold.Thrive(thriveThreat, thriveHarm, thriveRisk, thriveInvestigation, thriveVulnerability,
                        thriveEngagement));
        return new Read(body, errors);
    }

    /** Whether any threshold question is answered: then there is a recommendation to show. */
    boolean answersAny() {
        return crime != null || riskToLife != null || seriousHarm != null || childAtRisk != null || medicalEmergency != null
                || missingPerson != null;
    }

    /** How the page names each answer when something is wrong with it. */
    static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("riskToLife", "Select yes if there is a real and immediate risk to someone’s life"),
            Map.entry("seriousHarm", "Select yes if someone is at real and immediate risk of serious harm"),
            Map.entry("childAtRisk", "Select yes if a child is at immediate risk"),
            Map.entry("crime", "Select yes if a crime has occurred or is occurring"),
            Map.entry("missingPerson", "Select yes if this is a missing person"),
            Map.entry("medicalEmergency", "Select yes if there is a medical emergency"),
            Map.entry("rationale", "Enter your rationale: what you know and why you decided"),
            Map.entry("overrideRoute", "Select what should happen instead of the recommendation"),
            Map.entry("overrideAgency", "Select the partner to refer to"),
            Map.entry("overrideReason", "Enter why you are overriding the recommendation"),
            Map.entry("lastSeen", "Enter when the person was last seen as a date and time, for example 6 12 2026 14:30"));

    /**
     * A problem with an answer in the words of the page (GOV.UK style: "Select yes if …", "Enter …"), never a field's
     * name; the override's own rules say what to do instead.
     */
    static String inWords(String field, String message) {
        if (message.startsWith("is required") || "lastSeen".equals(field) && message.startsWith("must be a date")) {
            return LABELS.getOrDefault(field, "Answer this question");
        }
        if ("lastSeen".equals(field) && message.contains("future")) {
            return "When the person was last seen must be in the past";
        }
        if ("overrideRoute".equals(field) && message.contains("always gets a police response")) {
            return "A real and immediate risk to life or of serious harm always gets police: choose police attend, or follow the recommendation";
        }
        if ("overrideAgency".equals(field)) {
            return LABELS.get("overrideAgency");
        }
        if ("overrideReason".equals(field) && message.contains("grade")) {
            return "A real and immediate risk to life or of serious harm gets the immediate grade";
        }
        if (message.startsWith("must be at most")) {
            return "Your answer must be shorter: it " + message;
        }
        return Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    /** The form field a JSON-path error of the triage body belongs to. */
    static String fieldOf(String jsonField) {
        return switch (jsonField) {
            case "override.route" -> "overrideRoute";
            case "override.agency" -> "overrideAgency";
            case "override.reason", "override.grade" -> "overrideReason";
            default -> jsonField.startsWith("thrive.")
                    ? "thrive" + Character.toUpperCase(jsonField.charAt(7)) + jsonField.substring(8)
                    : jsonField;
        };
    }

    public Boolean getCrime() { return crime; }
    public void setCrime(Boolean crime) { this.crime = crime; }
    public Boolean getRiskToLife() { return riskToLife; }
    public void setRiskToLife(Boolean riskToLife) { this.riskToLife = riskToLife; }
    public Boolean getSeriousHarm() { return seriousHarm; }
    public void setSeriousHarm(Boolean seriousHarm) { this.seriousHarm = seriousHarm; }
    public Boolean getChildAtRisk() { return childAtRisk; }
    public void setChildAtRisk(Boolean childAtRisk) { this.childAtRisk = childAtRisk; }
    public Boolean getMedicalEmergency() { return medicalEmergency; }
    public void setMedicalEmergency(Boolean medicalEmergency) { this.medicalEmergency = medicalEmergency; }
    public Boolean getMissingPerson() { return missingPerson; }
    public void setMissingPerson(Boolean missingPerson) { this.missingPerson = missingPerson; }
    public String getRationale() { return rationale; }
    public void setRationale(String rationale) { this.rationale = rationale; }
    public Route getOverrideRoute() { return overrideRoute; }
    public void setOverrideRoute(Route overrideRoute) { this.overrideRoute = overrideRoute; }
    public Agency getOverrideAgency() { return overrideAgency; }
    public void setOverrideAgency(Agency overrideAgency) { this.overrideAgency = overrideAgency; }
    public String getOverrideReason() { return overrideReason; }
    public void setOverrideReason(String overrideReason) { this.overrideReason = overrideReason; }
    public String getShownRecommendation() { return shownRecommendation; }
    public void setShownRecommendation(String shownRecommendation) { this.shownRecommendation = shownRecommendation; }
    public Integer getSeenUpdates() { return seenUpdates; }
    public void setSeenUpdates(Integer seenUpdates) { this.seenUpdates = seenUpdates; }
    public Boolean getWhereaboutsKnown() { return whereaboutsKnown; }
    public void setWhereaboutsKnown(Boolean whereaboutsKnown) { this.whereaboutsKnown = whereaboutsKnown; }
    public Boolean getEntryNeeded() { return entryNeeded; }
    public void setEntryNeeded(Boolean entryNeeded) { this.entryNeeded = entryNeeded; }
    public String getLastSeen() { return lastSeen; }
    public void setLastSeen(String lastSeen) { this.lastSeen = lastSeen; }
    public String getCallerActions() { return callerActions; }
    public void setCallerActions(String callerActions) { this.callerActions = callerActions; }
    public String getThriveThreat() { return thriveThreat; }
    public void setThriveThreat(String thriveThreat) { this.thriveThreat = thriveThreat; }
    public String getThriveHarm() { return thriveHarm; }
    public void setThriveHarm(String thriveHarm) { this.thriveHarm = thriveHarm; }
    public String getThriveRisk() { return thriveRisk; }
    public void setThriveRisk(String thriveRisk) { this.thriveRisk = thriveRisk; }
    public String getThriveInvestigation() { return thriveInvestigation; }
    public void setThriveInvestigation(String thriveInvestigation) { this.thriveInvestigation = thriveInvestigation; }
    public String getThriveVulnerability() { return thriveVulnerability; }
    public void setThriveVulnerability(String thriveVulnerability) { this.thriveVulnerability = thriveVulnerability; }
    public String getThriveEngagement() { return thriveEngagement; }
    public void setThriveEngagement(String thriveEngagement) { this.thriveEngagement = thriveEngagement; }
}
