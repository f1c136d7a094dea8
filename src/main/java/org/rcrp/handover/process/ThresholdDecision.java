package org.rcrp.handover.process;

/** The threshold decision table, {@code bpmn/rcrp-threshold.dmn}: inputs are rcrp-call variables of the same names. */
public final class ThresholdDecision {

    public static final String KEY = "rcrp-threshold";
    public static final String RESOURCE = "bpmn/rcrp-threshold.dmn";

    public static final String OUTPUT_ROUTE = "route";
    public static final String OUTPUT_GRADE = "grade";
    public static final String OUTPUT_AGENCY = "agency";
    public static final String OUTPUT_RATIONALE = "rationale";

    private ThresholdDecision() {
    }
}
