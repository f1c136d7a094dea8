package org.rcrp.handover.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.journal.CaseJournal;
import org.rcrp.handover.s136.S136Records;
import org.rcrp.handover.support.ConcurrentChange;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.InvalidInputException;
import org.rcrp.handover.process.S136Details;
import org.rcrp.handover.process.TextLimits;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Logs calls and takes new information. A call is stored, journalled, kept to be found as a previous contact, put to
 * the supervisors when it repeats a call about the same person within 24 h, and its case process started in one
 * transaction: either all of it happened or none of it. The same reference twice — even two
 * requests racing — gives the one existing case.
 */
@Service
public class CallIntake {

    public record Logged(CallRecord call, boolean created) {
    }

    private final CallRepository calls;
    private final CallProcessFacade process;
    private final CaseJournal journal;
    private final TransactionTemplate transaction;
    private final PreviousContacts contacts;
    private final CallChecks checks;
    private final S136Records s136Records;

    private final Clock clock;

    public CallIntake(CallRepository calls, CallProcessFacade process, CaseJournal journal, TransactionTemplate transaction,
                      PreviousContacts contacts, CallChecks checks, S136Records s136Records, Clock clock) {
        this.clock = clock;
        this.checks = checks;
        this.s136Records = s136Records;
        this.calls = calls;
        this.process = process;
        this.journal = journal;
        this.transaction = transaction;
        this.contacts = contacts;
    }

    public Logged log(NewCall request, Actor actor) {
        List<FieldError> errors = check(request);
        errors.addAll(checks.check(request, clock.instant()));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Optional<CallRecord> existing = calls.findByReference(request.reference());
        if (existing.isPresent()) {
            return new Logged(existing.get(), false);
        }
        CallRecord call = toRecord(request, actor);
        try {
            transaction.executeWithoutResult(status -> {
                calls.insert(call);
                if (request.subject() != null) {
                    calls.recordDemographics(call.id(), request.subject().sex(), request.subject().ethnicity());
                }
                if (request.familyContact() != null) {
                    calls.familyContact(call.id(), request.familyContact());
                }
                journal.record(call.id(), "CALL_LOGGED", actor.userId(), actor.role(),
                        call.category() + " from " + call.source() + ": " + call.summary());
                contacts.logged(call);
                if (call.category() == Category.S136_HANDOVER && request.s136() != null) {
                    s136Records.detention(call.id(), request.s136());
                }
                process.open(toCaseStart(call, call.category() == Category.S136_HANDOVER ? request.s136() : null));
            });
            return new Logged(call, true);
        } catch (DuplicateKeyException raced) {
            return new Logged(calls.findByReference(request.reference()).orElseThrow(() -> raced), false);
        }
    }

    /** New information joins the case's journal and its process; 409 (CaseNotOpenException) once closed. */
    public void addInformation(String caseId, CaseUpdate update, Actor actor) {
        if (update.note() == null || update.note().isBlank()) {
            throw new InvalidInputException(List.of(new FieldError("note", "is required")));
        }
        if (update.note().length() > TextLimits.UPDATE_NOTE) {
            throw new InvalidInputException(List.of(new FieldError("note", TextLimits.tooLong(TextLimits.UPDATE_NOTE))));
        }
        calls.findById(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
        // The engine's job executor may be moving the case on at the same moment (a notice going out to a partner): the
        // engine then refuses one of the two. New information is never lost to that: it is tried again, from the start.
        for (int attempt = 1; ; attempt++) {
            try {
                transaction.executeWithoutResult(status -> {
                    calls.lockForChange(caseId); // a triage completion waits for it, or it for the completion (TaskFacade.complete)
                    journal.record(caseId, CaseJournal.About.CASE, "UPDATE", actor.userId(), actor.role(), describe(update),
                            update.note().strip());
                    process.addInformation(caseId, update);
                });
                return;
            } catch (RuntimeException failed) {
                if (attempt == UPDATE_ATTEMPTS || !ConcurrentChange.is(failed)) {
                    throw failed;
                }
            }
        }
    }

    /** How often new information is tried when the engine moved the case on concurrently. */
    private static final int UPDATE_ATTEMPTS = 3;

    private static List<FieldError> check(NewCall request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.category() == Category.AWOL && request.awol() == null) {
            errors.add(new FieldError("awol", "is required when the category is AWOL"));
        }
        return errors;
    }

    private static String describe(CaseUpdate update) {
        List<String> risks = new ArrayList<>();
        if (update.riskToLife()) {
            risks.add("risk to life");
        }
        if (update.seriousHarm()) {
            risks.add("serious harm");
        }
        if (update.crime()) {
            risks.add("crime");
        }
        return "New information" + (risks.isEmpty() ? "" : ". Raised: " + String.join(", ", risks));
    }

    private CallRecord toRecord(NewCall request, Actor actor) {
        NewCall.Location location = request.location();
        NewCall.Subject subject = request.subject();
        NewCall.Caller caller = request.caller();
        NewCall.Awol awol = request.awol();
        return new CallRecord(UUID.randomUUID().toString(), request.reference(), request.source(), request.category(),
                request.summary().strip(),
                location == null ? null : location.description(), location == null ? null : location.urban(),
                subject == null ? null : subject.name(), subject == null ? null : subject.ageYears(),
                subject == null || subject.knownTo() == null ? List.of() : subject.knownTo().stream().distinct().toList(),
                caller == null ? null : caller.name(), caller == null ? null : caller.phone(),
                caller == null ? null : caller.relationship(),
                awol == null ? null : awol.mhaSection(), awol == null ? null : awol.retakeExpiry(),
                awol == null ? null : awol.partThree(), awol == null ? null : awol.dangerous(),
                awol == null ? null : awol.particularlyVulnerable(), awol == null ? null : awol.hospitalSearched(),
                Instant.ofEpochMilli(clock.millis()), actor.userId(),
                awol == null ? null : awol.kind(), walkoutOf(request.walkout()));
    }

    private static CallRecord.Walkout walkoutOf(NewCall.Walkout walkout) {
        return walkout == null ? null : new CallRecord.Walkout(walkout.setting(), walkout.detained(),
                walkout.riskAssessmentGiven(), walkout.description() == null || walkout.description().isBlank() ? null
                : walkout.description().strip(), walkout.lastSeen() == null ? null : walkout.lastSeen().toInstant(),
                walkout.capacityConcern());
    }

    private static CaseStart toCaseStart(CallRecord call, S136Details s136) {
        CaseStart.Awol awol = call.awolRetakeExpiry() == null ? null : new CaseStart.Awol(call.awolMhaSection(),
                call.awolRetakeExpiry(), Boolean.TRUE.equals(call.awolPartThree()), Boolean.TRUE.equals(call.awolDangerous()),
                Boolean.TRUE.equals(call.awolParticularlyVulnerable()), Boolean.TRUE.equals(call.awolHospitalSearched()),
                call.awolKind());
        CallRecord.Walkout walkout = call.walkout();
        return new CaseStart(call.id(), call.reference(), call.category(), call.urban(), call.subjectAge(),
                Set.copyOf(call.knownTo()), awol, walkout == null ? null : new CaseStart.Walkout(walkout.setting(),
                        walkout.detained(), walkout.riskAssessmentGiven(), walkout.capacityConcern()), s136, call.source());
    }
}
