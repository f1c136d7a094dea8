package org.rcrp.handover.process;

/** Police response grade; decides the attendance clock. */
public enum Grade {
    IMMEDIATE, PRIORITY
}
