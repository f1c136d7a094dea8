package org.rcrp.handover.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.rcrp.handover.casefile.CaseQueries;
import org.rcrp.handover.casefile.CaseView;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.inbox.TaskFacade;
import org.rcrp.handover.operations.EngineClock;

/**
 * What every task page shows above its questions, read only when the page is drawn (a completion that succeeds redirects
 * without reading any of it): the banner — the task's clock, the case's grade and who is responsible now, with a warning
 * once the clock is close to running out — and "Latest", what is new on the case since the task was created.
 */
final class TaskPage {

    /**
     * Entries of one transaction are stamped a little apart, some just after the task they create: what the task was
     * created with is not news to it. Within this window only the creating step's own entries are left out (its actor's);
     * what anyone else did in it, a partner rejecting a second later, is news.
     */
    private static final Duration SAME_MOMENT = Duration.ofSeconds(2);
    /** New information and what it did to the case, shown even when it came just before the task (it is why the task exists). */
    private static final Set<String> INFORMATION = Set.of("UPDATE", "RISK_RAISED", "POLICE_ADDED");

    private final String taskId;
    private final Actor actor;
    private final TaskFacade tasks;
    private final CaseQueries cases;
    private final Labels labels;
    private final Duration warnBefore;

    private TaskFacade.TaskClock clock;
    private CaseView view;
    private boolean viewRead;
    private Latest latest;

    TaskPage(String taskId, Actor actor, TaskFacade tasks, CaseQueries cases, Labels labels, Duration warnBefore) {
        this.taskId = taskId;
        this.actor = actor;
        this.tasks = tasks;
        this.cases = cases;
        this.labels = labels;
        this.warnBefore = warnBefore;
    }

    /** What is new on the case: since the task was created ({@code news}), and new information from before it ({@code earlier}). */
    record Latest(Instant since, List<Chronology.Row> news, List<Chronology.Row> earlier) {
    }

    enum ClockState { RUNNING, WARNING, OVERDUE, NONE }

    public String taskId() {
        return taskId;
    }

    public TaskFacade.TaskClock clock() {
        if (clock == null) {
            clock = tasks.clockOf(taskId, actor);
        }
        return clock;
    }

    /** The case as the user may see it; null for someone with no part in it (a partner's on-call manager in a dispute). */
    public CaseView caseView() {
        if (!viewRead) {
            String caseId = tasks.caseOf(taskId, actor);
            view = cases.mayRead(caseId, actor) ? cases.view(caseId, actor) : null;
            viewRead = true;
        }
        return view;
    }

    public String grade() {
        CaseView current = caseView();
        return current == null ? "Not shown to you" : current.grade() == null ? "Not graded yet" : labels.of(current.grade());
    }

    public String responsible() {
        CaseView current = caseView();
        return current == null ? "Not shown to you" : current.responsibleAgency() == null ? "Not known yet" : labels.of(current.responsibleAgency());
    }

    public long warnBeforeMillis() {
        return warnBefore.toMillis();
    }

    public ClockState clockState() {
        if (clock().due() == null) {
            return ClockState.NONE;
        }
        long left = clock().due().getTime() - EngineClock.INSTANCE.millis();
        return left < 0 ? ClockState.OVERDUE : left <= warnBefore.toMillis() ? ClockState.WARNING : ClockState.RUNNING;
    }

    /** The warning in words, as the page's script also writes it. */
    public String warning() {
        return switch (clockState()) {
            case OVERDUE -> "This task's clock has run out.";
            case WARNING -> "This task's clock runs out in under " + minutes(warnBefore) + ".";
            default -> "";
        };
    }

    static String minutes(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes >= 1 && duration.toSecondsPart() == 0) {
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        return duration.toSeconds() + " seconds";
    }

    public Latest latest() {
        if (latest == null) {
            Instant since = clock().created();
            List<CaseView.TimelineEntry> timeline = caseView() == null ? List.of() : caseView().timeline();
            Instant newAfter = since == null ? Instant.MIN : since.plus(SAME_MOMENT);
            String creator = since == null ? null : creator(timeline, since);
            List<CaseView.TimelineEntry> news = timeline.stream()
                    .filter(entry -> entry.at().isAfter(newAfter)
                            || since != null && entry.at().isAfter(since) && !java.util.Objects.equals(entry.actor(), creator))
                    .filter(entry -> !labels.audit(entry.type()) && !"CALL_LOGGED".equals(entry.type()))
                    .toList();
            List<CaseView.TimelineEntry> earlier = timeline.stream()
                    .filter(entry -> !entry.at().isAfter(newAfter) && INFORMATION.contains(entry.type())).toList();
            latest = new Latest(since, Chronology.of(news, labels, false).rows(), Chronology.of(earlier, labels, false).rows());
        }
        return latest;
    }

    /** Who made the task: the actor of the journal entry nearest its creation, within {@link #SAME_MOMENT}; null if none. */
    private static String creator(List<CaseView.TimelineEntry> timeline, Instant created) {
        return timeline.stream()
                .filter(entry -> Duration.between(entry.at(), created).abs().compareTo(SAME_MOMENT) <= 0)
                .min(java.util.Comparator.comparing(entry -> Duration.between(entry.at(), created).abs()))
                .map(CaseView.TimelineEntry::actor).orElse(null);
    }
}
