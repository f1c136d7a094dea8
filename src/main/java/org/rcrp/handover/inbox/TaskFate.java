package org.rcrp.handover.inbox;

import java.util.List;

/**
 * What became of a task of the user's groups that they can no longer complete, in plain words from the engine's history
 * of the task's own process (what ended it, what was opened next), so a person whose form came back knows where their
 * work stands. Only for a task offered to one of their groups: anyone else learns nothing of it.
 *
 * @param name the task's name ("Accept referral")
 * @param key the task's key, for the questions its page asked
 * @param caseId the case (business key) it belongs to
 * @param reference the case's call reference
 * @param open whether the task is still open (someone else holds it, or it is back in the queue)
 * @param whatHappened sentences, oldest first
 */
public record TaskFate(String name, String key, String caseId, String reference, boolean open, List<String> whatHappened) {
}
