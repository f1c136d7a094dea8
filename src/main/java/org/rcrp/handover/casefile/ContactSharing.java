package org.rcrp.handover.casefile;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.intake.CallRepository;
import org.rcrp.handover.intake.CaseNotFoundException;
import org.rcrp.handover.journal.CaseJournal;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.Groups;
import org.rcrp.handover.process.InvalidInputException;
import org.rcrp.handover.process.TaskCompletion;
import org.rcrp.handover.process.TextLimits;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * A partner holding a referral (asked or accepted) asks for the caller's or the family contact's details for its work;
 * a call handler or police supervisor grants, with the lawful basis and the information-sharing agreement, or refuses.
 * A grant shows exactly that contact's name and phone to that partner's group on its case view, while its part is open;
 * nothing else about the caller ever reaches a partner. Every request and decision is logged ({@link ContactShares})
 * and journalled.
 */
@Service
public class ContactSharing {

    public static final String REQUESTED = "CONTACT_REQUESTED";
    public static final String SHARED = "CONTACT_SHARED";
    public static final String REFUSED = "CONTACT_REFUSED";
    /** Who may decide: police staff who hold the caller's details and the case. */
    static final List<String> DECIDERS = List.of(Groups.CALL_HANDLERS, Groups.POLICE_SUPERVISORS);

    public static boolean mayDecide(Actor actor) {
        return DECIDERS.stream().anyMatch(actor::isIn);
    }

    private final ContactShares shares;
    private final CaseQueries queries;
    private final CallRepository calls;
    private final CaseJournal journal;

    private final Clock clock;

    public ContactSharing(ContactShares shares, CaseQueries queries, CallRepository calls, CaseJournal journal, Clock clock) {
        this.clock = clock;
        this.shares = shares;
        this.queries = queries;
        this.calls = calls;
        this.journal = journal;
    }

    @Transactional
    public ContactShares.Share request(String caseId, Actor actor, ContactShares.Whose whose, String purpose) {
        List<FieldError> errors = new ArrayList<>();
        TaskCompletion.require(errors, whose, "whose");
        TaskCompletion.require(errors, purpose, "purpose");
        TaskCompletion.maxLength(errors, purpose, "purpose", TextLimits.SHARING_PURPOSE);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (actor.isPolice()) {
            throw new AccessDeniedException("Police read the contact details on the case; partner agencies ask for them");
        }
        calls.findById(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
        List<String> groups = queries.openPartnerGroups(caseId, actor).stream().sorted().toList();
        if (groups.isEmpty()) {
            throw new CaseNotFoundException(caseId);
        }
        if (shares.contact(caseId, whose).isEmpty()) {
            throw new InvalidInputException(List.of(new FieldError("whose", "the call records no " + whose.name().toLowerCase() + " contact")));
        }
        String id = UUID.randomUUID().toString();
        shares.requested(id, caseId, groups.get(0), whose, purpose.strip(), actor.userId(), clock.instant());
        journal.record(caseId, CaseJournal.About.CASE, REQUESTED, actor.userId(), actor.role(),
                "Contact details of the " + describe(whose) + " requested by " + groups.get(0), purpose.strip());
        return shares.find(caseId, id).orElseThrow();
    }

    @Transactional
    public ContactShares.Share decide(String caseId, String requestId, Actor actor, ContactShares.Decision decision,
                                      String lawfulBasis, String sharingAgreement, String note) {
        if (!mayDecide(actor)) {
            throw new AccessDeniedException("Call handlers and police supervisors decide what is shared");
        }
        List<FieldError> errors = new ArrayList<>();
        TaskCompletion.require(errors, decision, "decision");
        if (decision == ContactShares.Decision.GRANT) {
            TaskCompletion.require(errors, lawfulBasis, "lawfulBasis");
            TaskCompletion.require(errors, sharingAgreement, "sharingAgreement");
        }
        TaskCompletion.maxLength(errors, lawfulBasis, "lawfulBasis", TextLimits.SHARING_BASIS);
        TaskCompletion.maxLength(errors, sharingAgreement, "sharingAgreement", TextLimits.SHARING_BASIS);
        TaskCompletion.maxLength(errors, note, "note", TextLimits.NOTE);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ContactShares.Share share = shares.find(caseId, requestId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No contact request " + requestId + " on this case"));
        boolean grant = decision == ContactShares.Decision.GRANT;
        String shared = grant ? "name and phone of the " + describe(share.whose()) : null;
        if (!shares.decided(requestId, grant ? ContactShares.State.GRANTED : ContactShares.State.REFUSED, actor.userId(),
                clock.instant(), grant ? lawfulBasis.strip() : blankToNull(lawfulBasis),
                grant ? sharingAgreement.strip() : blankToNull(sharingAgreement), shared)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Contact request " + requestId + " was decided already: " + share.state());
        }
        journal.record(caseId, CaseJournal.About.CASE, grant ? SHARED : REFUSED, actor.userId(), actor.role(),
                grant ? "Shared the " + shared + " with " + share.partnerGroup() + " (request " + requestId + ")"
                        : "Refused " + share.partnerGroup() + " the " + describe(share.whose()) + "'s contact details (request " + requestId + ")",
                blankToNull(note));
        return shares.find(caseId, requestId).orElseThrow();
    }

    /** The case's requests: police see all of them, a partner with an open part its own. */
    @Transactional(readOnly = true)
    public List<ContactShares.Share> ofCase(String caseId, Actor actor) {
        calls.findById(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
        if (actor.isPolice()) {
            return shares.ofCase(caseId, null);
        }
        var groups = queries.openPartnerGroups(caseId, actor);
        if (groups.isEmpty()) {
            throw new CaseNotFoundException(caseId);
        }
        return shares.ofCase(caseId, groups);
    }

    private static String describe(ContactShares.Whose whose) {
        return whose == ContactShares.Whose.CALLER ? "caller" : "family contact";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
