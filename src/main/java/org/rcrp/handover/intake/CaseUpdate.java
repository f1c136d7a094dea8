package org.rcrp.handover.intake;

/** New information about a case (README, The API: POST /api/calls/{id}/updates). */
public record CaseUpdate(String note, boolean riskToLife, boolean seriousHarm, boolean crime) {
}
