package org.rcrp.handover.process;

/** How a patient detained under the Mental Health Act came to be absent without leave (s18). */
public enum AwolKind {
    /** Left the ward or hospital without leave. */
    ABSCONDED,
    /** Did not come back from authorised leave (s17). */
    FAILED_TO_RETURN,
    /** A community treatment order patient recalled to hospital who has not come. */
    CTO_RECALL,
    /** Escaped from custody a court imposed (Part III). */
    ESCAPED_CUSTODY
}
