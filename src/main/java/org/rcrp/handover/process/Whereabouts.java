package org.rcrp.handover.process;

/**
 * Why a supervisor may close a NOT_LOCATED review: the person was located and is safe, or a risk assessment found no
 * concern. Either way the closure is marked (closedNotLocated) and journalled with who decided and why.
 */
public enum Whereabouts {
    LOCATED_SAFE, NO_CONCERN_ASSESSED
}
