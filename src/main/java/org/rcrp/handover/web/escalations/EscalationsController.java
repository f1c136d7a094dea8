package org.rcrp.handover.web.escalations;

import static org.rcrp.handover.process.PartnerReferralProcess.Variables.REASON_CODE;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.AGENCY;
import static org.rcrp.handover.process.RcrpCallProcess.Variables.TASK_REASON;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.rcrp.handover.casefile.ReferralQueries;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.identity.Actors;
import org.rcrp.handover.inbox.TaskFacade;
import org.rcrp.handover.inbox.WorkItem;
import org.rcrp.handover.intake.RepeatContacts;
import org.rcrp.handover.journal.CaseJournal;
import org.rcrp.handover.notification.NotificationProperties;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Groups;
import org.rcrp.handover.process.RcrpCallProcess;
import org.rcrp.handover.process.RejectionReason;
import org.rcrp.handover.process.ReviewReason;
import org.rcrp.handover.web.Labels;
import org.rcrp.handover.web.ReviewActions;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The supervisors' escalations queue: every open review, held or not, most urgent case first (its grade, or where an
 * untriaged call came from, then how long the person has waited), each with why it was raised, how serious it is (the
 * tag's colour), since when the person has waited, how to reach the agency, what supervisors decided on the case before,
 * and what each decision the reason allows does; and every repeat contact within 24 h (a second call about the same
 * person) with both calls, until a supervisor marks it seen. It refreshes itself.
 */
@Controller
class EscalationsController {

    static final String SUPERVISORS = Groups.POLICE_SUPERVISORS;

    /** Journal entries that are a supervisor's earlier decision or chase on the case. */
    private static final String REVIEW_TASK = RcrpCallProcess.Elements.USER_SUPERVISOR_REVIEW;

    /**
     * One open review as the page shows it: why, how serious, since when the person has waited (the call was logged),
     * how to reach the agency, what supervisors decided on the case before, and what each allowed decision does.
     */
    record Escalation(WorkItem task, ReviewReason reason, String why, Agency agency, String partnerSaid,
                      List<ReviewActions.Choice> actions, ReviewActions.Severity severity, Date waitingSince,
                      String waited, List<String> contactRoute, List<Earlier> earlier) {
    }

    /** An earlier supervisor decision or chase on the same case, from its journal. */
    record Earlier(Instant at, String who, String what) {
    }

    /**
     * Most urgent case first: the case's grade, then (not graded yet) where the call came from, then the longest wait.
     * Never the review's own clock: every review has the same hour, so an untriaged 999 call would sort last.
     */
    static final Comparator<Escalation> MOST_URGENT_FIRST = Comparator
            .comparing(Escalation::task, WorkItem.BY_CASE_URGENCY)
            .thenComparing(Escalation::waitingSince, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(escalation -> escalation.task().id());

    /** The most repeat contacts the page lists, newest first. */
    static final int REPEATS_SHOWN = 50;

    private final TaskFacade tasks;
    private final ReferralQueries referrals;
    private final Actors actors;
    private final RepeatContacts repeats;
    private final CaseJournal journal;
    private final NotificationProperties directory;
    private final Labels labels = new Labels();

    private final Clock clock;

    EscalationsController(TaskFacade tasks, ReferralQueries referrals, Actors actors, RepeatContacts repeats,
                          CaseJournal journal, NotificationProperties directory, Clock clock) {
        this.clock = clock;
        this.tasks = tasks;
        this.referrals = referrals;
        this.actors = actors;
        this.repeats = repeats;
        this.journal = journal;
        this.directory = directory;
    }

    @GetMapping("/escalations")
    String page(Model model) {
        live(model);
        return "escalations/escalations";
    }

    /** The queue alone, fetched again every few seconds by the page. */
    @GetMapping("/escalations/live")
    String live(Model model) {
        Actor actor = actors.current();
        if (!actor.isIn(SUPERVISORS)) {
            throw new AccessDeniedException("Escalations are for police supervisors");
        }
        List<Escalation> escalations = tasks.open(REVIEW_TASK, actor).stream()
                .map(task -> describe(task, tasks.variablesOf(task.id(), actor))).sorted(MOST_URGENT_FIRST).toList();
        model.addAttribute("escalations", escalations);
        model.addAttribute("actor", actor);
        model.addAttribute("counts", escalations.stream()
                .collect(Collectors.groupingBy(Escalation::why, java.util.TreeMap::new, Collectors.counting())));
        model.addAttribute("repeats", repeats.unseen(actor, REPEATS_SHOWN));
        return "escalations/escalations :: live";
    }

    /** A supervisor has looked at a repeat contact: it leaves the page, and the case's journal says who and when. */
    @PostMapping("/escalations/repeat-contacts/{caseId}/seen")
    String seen(@PathVariable String caseId, RedirectAttributes redirect) {
        boolean marked = repeats.markSeen(caseId, actors.current());
        redirect.addFlashAttribute("message", marked ? "Repeat contact marked as seen." : "That repeat contact had been marked as seen already.");
        return "redirect:/escalations";
    }

    private Escalation describe(WorkItem task, Map<String, Object> variables) {
        ReviewReason reason = TASK_REASON.from(variables);
        RejectionReason rejection = REASON_CODE.from(variables);
        String partnerSaid = null;
        if (reason == ReviewReason.REJECTED && rejection != null) {
            String note = referrals.latestDecisionNote(task.callId(), variables);
            partnerSaid = labels.of(rejection) + (note == null || note.isBlank() ? "" : ": " + note);
        }
        Agency agency = AGENCY.from(variables);
        boolean riskToLife = Boolean.TRUE.equals(RcrpCallProcess.Variables.RISK_TO_LIFE.from(variables))
                || Boolean.TRUE.equals(RcrpCallProcess.Variables.RAISED_RISK_TO_LIFE.from(variables));
        Date waitingSince = task.loggedAt() != null ? task.loggedAt() : task.created();
        return new Escalation(task, reason, reason == null ? "Review" : labels.of(reason), agency, partnerSaid,
                ReviewActions.choices(reason), ReviewActions.severity(reason, task.grade(), task.source(), riskToLife),
                waitingSince, waitingSince == null ? "" : inWords(Duration.between(waitingSince.toInstant(),
                        clock.instant())), contactRoute(agency), earlier(task));
    }

    /** How to reach the agency outside the system, from the partner directory (rcrp.agencies). */
    private List<String> contactRoute(Agency agency) {
        if (agency == null || agency == Agency.POLICE) {
            return List.of();
        }
        NotificationProperties.Contact contact = directory.contactOf(agency.name());
        List<String> route = new ArrayList<>();
        if (contact.phone() != null && !contact.phone().isBlank()) {
            route.add("Duty line: " + contact.phone());
        }
        if (contact.hasEmail()) {
            route.add("Email: " + contact.email());
        }
        if (contact.hasWebhook()) {
            route.add("Their case system receives our notices directly");
        }
        if (route.isEmpty()) {
            route.add("No contact details are set up for this agency: use your force's partner directory");
        }
        return route;
    }

    /** Supervisors' earlier decisions on the case (chases, reroutes, closes), newest first, from its journal. */
    private List<Earlier> earlier(WorkItem task) {
        if (task.callId() == null) {
            return List.of();
        }
        return journal.entries(task.callId()).stream()
                .filter(entry -> "TASK_COMPLETED".equals(entry.type()) && REVIEW_TASK.equals(entry.taskKey()))
                .sorted(Comparator.comparing(CaseJournal.Entry::at).reversed())
                .map(entry -> new Earlier(entry.at(), entry.actor(), labels.text(entry.detail())))
                .toList();
    }

    /** "2 hours 5 minutes", "3 days 1 hour", "under a minute". */
    static String inWords(Duration duration) {
        if (duration.isNegative() || duration.toMinutes() < 1) {
            return "under a minute";
        }
        long days = duration.toDays();
        long hours = duration.toHoursPart();
        long minutes = duration.toMinutesPart();
        List<String> parts = new ArrayList<>();
        if (days > 0) {
            parts.add(days + (days == 1 ? " day" : " days"));
        }
        if (hours > 0) {
            parts.add(hours + (hours == 1 ? " hour" : " hours"));
        }
        if (days == 0 && minutes > 0) {
            parts.add(minutes + (minutes == 1 ? " minute" : " minutes"));
        }
        return String.join(" ", parts);
    }
}
