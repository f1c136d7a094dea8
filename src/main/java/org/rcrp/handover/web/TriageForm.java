package org.rcrp.handover.web;

import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Route;
import org.rcrp.handover.triage.AssessThreshold;

/** The triage page's form: the threshold questions, the rationale, and an optional override with its reason. */
public class TriageForm {

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

    AssessThreshold toBody() {
        AssessThreshold.OverrideChoice override = overrideRoute == null ? null
                : new AssessThreshold.OverrideChoice(overrideRoute, overrideAgency, null, overrideReason);
        return new AssessThreshold(crime, riskToLife, seriousHarm, childAtRisk, medicalEmergency, missingPerson,
                rationale, override);
    }

    /** The form field a JSON-path error of the triage body belongs to. */
    static String fieldOf(String jsonField) {
        return switch (jsonField) {
            case "override.route" -> "overrideRoute";
            case "override.agency" -> "overrideAgency";
            case "override.reason", "override.grade" -> "overrideReason";
            default -> jsonField;
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
}
