package org.rcrp.handover.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.identity.Actors;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.FieldError;
import org.rcrp.handover.process.TaskCompletion;
import org.rcrp.handover.support.JsonFieldErrors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's work (docs/api.md). */
@RestController
@RequestMapping(TaskController.PATH)
@Tag(name = "Tasks", description = "The signed-in user's work: list, claim, unclaim, complete")
class TaskController {

    static final String PATH = "/api/tasks";
    /** Completing a task; its body in the OpenAPI document is one of the catalogue's (TaskBodySchemas). */
    static final String COMPLETE = "/{id}/complete";

    enum Scope { available, mine }

    private final TaskFacade tasks;
    private final Actors actors;
    private final ObjectMapper objectMapper;

    TaskController(TaskFacade tasks, Actors actors, ObjectMapper objectMapper) {
        this.tasks = tasks;
        this.actors = actors;
        this.objectMapper = objectMapper;
    }

    @GetMapping
    @Operation(summary = "Tasks of the user's groups, most urgent first",
            description = "Most urgent first: the case's grade (IMMEDIATE, PRIORITY, SCHEDULED, then not yet graded; among"
                    + " those a 999 call first, a 101 call last), then the soonest due. Narrowed by category, agency (the"
                    + " case's lead agency) and overdue=true (past their clock); a bad value is 400 naming the parameter")
    List<WorkItem> list(@RequestParam(defaultValue = "available") Scope scope, @RequestParam Optional<Category> category,
                        @RequestParam Optional<Agency> agency, @RequestParam Optional<Boolean> overdue) {
        Actor actor = actors.current();
        TaskFacade.QueueFilter filter = new TaskFacade.QueueFilter(category.orElse(null), agency.orElse(null),
                overdue.orElse(false));
        return filter.apply(scope == Scope.mine ? tasks.mine(actor) : tasks.available(actor));
    }

    @PostMapping("/{id}/claim")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Claim a task", description = "409 when someone else holds it")
    void claim(@PathVariable String id) {
        tasks.claim(id, actors.current());
    }

    @PostMapping("/{id}/unclaim")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Give a task back to its group")
    void unclaim(@PathVariable String id) {
        tasks.unclaim(id, actors.current());
    }

    @PostMapping(COMPLETE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Complete a held task with the body for its key",
            description = "409 unless you hold it, or for triage when new information reached the case after what you saw"
                    + " (seenUpdates, or when you claimed it): the detail says when and what; 404 if it is not there or not"
                    + " for your groups, 400 naming each invalid field")
    void complete(@PathVariable String id,
                  @Parameter(hidden = true, description = "documented as one of the catalogue's bodies by TaskBodySchemas")
                  @RequestBody JsonNode body) {
        Actor actor = actors.current();
        String key = tasks.keyOfHeldTask(id, actor);
        Class<? extends TaskCompletion> type = TaskBodies.BY_KEY.get(key);
        if (type == null) {
            throw new TaskProblem(TaskProblem.Kind.INVALID, "Task " + id + " cannot be completed through this API",
                    List.of(new FieldError("key", "no body is defined for " + key)));
        }
        if (body == null || !body.isObject()) {
            throw new TaskProblem(TaskProblem.Kind.INVALID, "The body must be a JSON object",
                    List.of(new FieldError("body", "must be a JSON object")));
        }
        TaskCompletion completion;
        try {
            completion = objectMapper.treeToValue(body, type);
        } catch (JsonProcessingException | IllegalArgumentException unreadable) {
            FieldError error = unreadable instanceof JsonProcessingException json ? JsonFieldErrors.of(json)
                    : new FieldError("body", "has an invalid value");
            throw new TaskProblem(TaskProblem.Kind.INVALID, "Invalid body for " + key, List.of(error));
        }
        tasks.complete(id, actor, completion);
    }
}
