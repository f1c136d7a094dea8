package org.rcrp.handover.process;

import static org.rcrp.handover.process.ProcessVariable.bool;
import static org.rcrp.handover.process.ProcessVariable.enumeration;
import static org.rcrp.handover.process.ProcessVariable.string;

/**
 * The second-person check of a closed case's decision, {@code bpmn/quality-review.bpmn}; its business key is the case id.
 * Started from Java when a sampled case closes (intake/QualityReviewOnClose), never from the case model.
 */
public final class QualityReviewProcess {

    public static final String KEY = "quality-review";
    public static final String RESOURCE = "bpmn/quality-review.bpmn";

    private QualityReviewProcess() {
    }

    public static final class Elements {
        public static final String START_CASE_SAMPLED = "start_case_sampled";
        public static final String USER_QUALITY_REVIEW = "user_quality_review";
        public static final String SERVICE_RECORD_VERDICT = "service_record_verdict";
        public static final String END_REVIEWED = "end_reviewed";

        private Elements() {
        }
    }

    public static final class Variables {
        public static final ProcessVariable<SampleReason> SAMPLE_REASON = enumeration("sampleReason", SampleReason.class);
        /** The user ids of the people whose decisions closed the case, comma-joined: none of them may review it. */
        public static final ProcessVariable<String> DECIDED_BY = string("decidedBy");
        public static final ProcessVariable<QualityVerdict> VERDICT = enumeration("verdict", QualityVerdict.class);
        /** The case's own variable, set when a supervisor closes a case whose person was not located: always reviewed. */
        public static final ProcessVariable<Boolean> CLOSED_NOT_LOCATED = RcrpCallProcess.Variables.CLOSED_NOT_LOCATED;

        private Variables() {
        }
    }
}
