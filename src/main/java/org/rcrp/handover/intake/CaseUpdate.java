package org.rcrp.handover.intake;

/** New information about a case (docs/api.md: POST /api/calls/{id}/updates). */
public record CaseUpdate(String note, boolean riskToLife, boolean seriousHarm, boolean crime) {
}
