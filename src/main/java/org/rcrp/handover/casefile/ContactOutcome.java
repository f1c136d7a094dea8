package org.rcrp.handover.casefile;

/**
 * How a previous contact ended, or where it stands while it is open: a readable code for the API and the words the
 * pages show. Open: the case's state. Closed: the end the case process reached ({@code RcrpCallProcess.Elements.END_*});
 * {@link #CLOSED} when it is not one of those or its history has been removed ({@link #OPEN} likewise for an open case).
 */
public enum ContactOutcome {
    TRIAGE("Open: in triage"),
    POLICE_ATTENDING("Open: police attending"),
    REFERRED("Open: referred to a partner"),
    HANDOVER("Open: s136 handover"),
    ESCALATED("Open: with a police supervisor"),
    OPEN("Open"),
    RESOLVED("Closed: resolved by police"),
    NO_TRACE("Closed: police found no trace"),
    /** A supervisor closed the case after the person was not located, with the whereabouts recorded. */
    CLOSED_NOT_LOCATED("Closed by a police supervisor: person not located, whereabouts recorded"),
    LOCATED("Closed: the missing person was located"),
    PARTNER_COMPLETED("Closed: the partner completed its work"),
    CLOSED_BY_SUPERVISOR("Closed by a police supervisor"),
    ADVICE_GIVEN("Closed: advice given"),
    HANDED_OVER("Closed: handed over to health (s136)"),
    CLOSED("Closed");

    private final String words;

    ContactOutcome(String words) {
        this.words = words;
    }

    /** The outcome in words, as the pages show it. */
    public String words() {
        return words;
    }

    public boolean open() {
        return ordinal() < RESOLVED.ordinal();
    }
}
