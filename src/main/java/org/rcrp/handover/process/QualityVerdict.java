package org.rcrp.handover.process;

/** A second person's verdict on a sampled decision (user_quality_review). */
public enum QualityVerdict {
    AGREE, DISAGREE
}
