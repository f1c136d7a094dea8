/**
 * Not located: a person nobody could find (a police NO_TRACE, a partner's NO_CONTACT) is a missing-person matter. The case
 * returns to a police supervisor (review reason NOT_LOCATED), who may open a missing-person risk assessment, send police,
 * have the same agency try again, or close only with the person's whereabouts recorded.
 */
package org.rcrp.handover.missing;
