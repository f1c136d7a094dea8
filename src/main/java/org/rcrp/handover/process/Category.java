package org.rcrp.handover.process;

/** The call categories RCRP covers (docs/domain.md, Categories), plus OTHER for calls outside them. */
public enum Category {
    CONCERN_FOR_WELFARE, WALKOUT, AWOL, MEDICAL, S136_HANDOVER, OTHER
}
