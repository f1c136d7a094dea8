package org.rcrp.handover.process;

/**
 * The longest text a person may type into each kind of field, named once. The API's and the pages' validation use
 * these (the task bodies, {@code NewCall}, new information), and the columns that keep the text are sized from them
 * ({@code rcrp_call}, and the journal's {@code rcrp_case_event.detail} and {@code .note}; the integration tests
 * compare the two). What people write is kept in our own tables only, never in the engine's: its variables carry
 * ids, codes and decisions, so no length here is bounded by the engine's 4,000-character history column.
 */
public final class TextLimits {

    /** A person's own words at length (a note, a reason, a rationale, a summary): the size of the columns that keep them. */
    private static final int LONG_TEXT = 4000;

    /** A note written with a task (inform caller, attend, accept or reject, outcome, supervisor review, handover). */
    public static final int NOTE = LONG_TEXT;
    /** New information about a case ({@code POST /api/calls/{id}/updates}, the case page). */
    public static final int UPDATE_NOTE = NOTE;
    /** Why a partner asks for contact details ({@code rcrp_contact_share.purpose}). */
    public static final int SHARING_PURPOSE = 1000;
    /** The lawful basis and the information-sharing agreement of a grant (each its own {@code rcrp_contact_share} column). */
    public static final int SHARING_BASIS = 500;
    /** The joint review's learning from a dispute ({@code rcrp_dispute.learning_note}). */
    public static final int LEARNING_NOTE = NOTE;
    /** A call handler's reason for overriding the threshold table's recommendation. */
    public static final int REASON = LONG_TEXT;
    /** A call handler's triage rationale. */
    public static final int RATIONALE = LONG_TEXT;
    /** A call's summary ({@code rcrp_call.summary}). */
    public static final int SUMMARY = LONG_TEXT;
    /** What the caller has already done, as the call handler records it at triage. */
    public static final int CALLER_ACTIONS = 1000;
    /** Each of the six THRIVE texts of a triage (threat, harm, risk, investigation, vulnerability, engagement). */
    public static final int THRIVE = 500;

    // The rest of a call (NewCall), each the size of its rcrp_call column.
    public static final int REFERENCE = 64;
    public static final int LOCATION = 500;
    public static final int NAME = 200;
    public static final int PHONE = 40;
    public static final int RELATIONSHIP = 100;
    public static final int MHA_SECTION = 20;
    /** How the person who walked out looks, what they wore, what they said ({@code rcrp_call.walkout_description}). */
    public static final int WALKOUT_DESCRIPTION = 1000;
    /** Why an s136 detainee was not conveyed by ambulance; a supervisor's risk assessment before police withdraw. */
    public static final int S136_REASON = 1000;

    /** Room in a journal entry's detail for the system's own words: task name, answers met, codes, agencies. */
    public static final int DETAIL_WORDS = 500;
    /**
     * The longest of the system's own words (never a person's) put into an engine string variable, such as why a notice
     * failed: the engine's history column holds 4,000 characters.
     */
    public static final int ENGINE_TEXT = 3900;
    /** A journal entry's note ({@code rcrp_case_event.note}): one note or one reason, whole. */
    public static final int JOURNAL_NOTE = NOTE > REASON ? NOTE : REASON;
    /** One answer kept with a journal entry ({@code rcrp_case_event_answer.answer}): the longest of the answers' texts. */
    public static final int JOURNAL_ANSWER = CALLER_ACTIONS > THRIVE ? CALLER_ACTIONS : THRIVE;
    /**
     * A journal entry's detail ({@code rcrp_case_event.detail}): the system's words (at most {@link #DETAIL_WORDS}
     * characters) around at most one rationale or one summary, whole.
     */
    public static final int JOURNAL_DETAIL = (RATIONALE > SUMMARY ? RATIONALE : SUMMARY) + DETAIL_WORDS;

    private TextLimits() {
    }

    /** The message every over-long field gets. */
    public static String tooLong(int max) {
        return "must be at most " + max + " characters";
    }
}
