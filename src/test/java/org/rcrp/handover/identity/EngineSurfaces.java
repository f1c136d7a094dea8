package org.rcrp.handover.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Every demo user against the Camunda webapps and their internal API ({@code /camunda/api/**}, the whole engine API),
 * signed in as a person would be: only {@code admin1} gets in, and nobody — {@code admin1} included — deploys a
 * model or stores a query whose expression runs. The attempts are the ones a security review made with a partner
 * account: reading any case's variables, claiming another agency's task, changing the administrator's password,
 * creating a user, joining {@code camunda-admin}, deploying a model that runs code, saving a filter that runs code.
 */
final class EngineSurfaces {

    static final String ADMIN = "admin1";

    /** A model whose service task would run SQL as the application: it must never be deployed, let alone run. */
    static final String ATTACK_TABLE = "rcrp_attack_ran";
    static final String ATTACK_MODEL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                id="attack_definitions" targetNamespace="http://example.org/attack">
              <bpmn:process id="attack" isExecutable="true" camunda:historyTimeToLive="1">
                <bpmn:startEvent id="start"/>
                <bpmn:sequenceFlow id="flow1" sourceRef="start" targetRef="run"/>
                <bpmn:serviceTask id="run" camunda:expression="${jdbcTemplate.execute('CREATE TABLE %s (id int)')}"/>
                <bpmn:sequenceFlow id="flow2" sourceRef="run" targetRef="end"/>
                <bpmn:endEvent id="end"/>
              </bpmn:process>
            </bpmn:definitions>
            """.formatted(ATTACK_TABLE);

    /** A Tasklist filter whose stored query would run SQL as the application each time it is listed. */
    static final String FILTER_TABLE = "rcrp_attack_filter_ran";
    private static final String ATTACK_FILTER = """
            {"resourceType": "Task", "name": "Attack", "owner": "%s",
             "query": {"assigneeExpression": "${jdbcTemplate.execute('CREATE TABLE %s (id int)') == null ? 'x' : 'y'}"}}""";

    private static final String ENGINE = "/camunda/api/engine/engine/default";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> wrong = new ArrayList<>();
    private final Map<String, String> authorizedApps = new TreeMap<>();

    /**
     * Tries everything as each user and returns what answered other than expected (empty when locked down).
     * {@code taskId}: an open task of some case (the triage task of a case logged by the test).
     */
    List<String> tryAll(Iterable<DemoUsers.DemoUser> users, Function<String, WebSession> signIn, String taskId) {
        for (DemoUsers.DemoUser user : users) {
            WebSession session = signIn.apply(user.id());
            boolean admin = user.id().equals(ADMIN);
            expect(user.id(), "GET /camunda/app/cockpit/default/", session.get("/camunda/app/cockpit/default/"), admin ? 200 : 403);
            HttpResponse<String> me = session.get("/camunda/api/admin/auth/user/default");
            expect(user.id(), "GET /camunda/api/admin/auth/user/default", me, admin ? 200 : 403);
            List<String> apps = me.statusCode() == 200 ? appsOf(me.body()) : List.of();
            authorizedApps.put(user.id(), me.statusCode() == 200 ? String.join(",", apps) : "(refused " + me.statusCode() + ")");
            if (admin && !apps.containsAll(List.of("admin", "cockpit", "tasklist"))) {
                wrong.add(user.id() + ": authorizedApps " + apps);
            }
            expect(user.id(), "GET process-instance/count", session.get(ENGINE + "/process-instance/count"), admin ? 200 : 403);
            HttpResponse<String> filters = session.get(ENGINE + "/filter");
            expect(user.id(), "GET filter", filters, admin ? 200 : 403);
            if (filters.statusCode() == 200 && filters.body().contains("\"All tasks\"")) {
                wrong.add(user.id() + ": the shared 'All tasks' filter is there");
            }
            tryStoredExpression(user.id(), session, admin);
            expect(user.id(), "POST deployment/create", session.postFile(ENGINE + "/deployment/create", "attack.bpmn",
                    "attack.bpmn", ATTACK_MODEL), 403);
            expect(user.id(), "POST setup/user/create", session.sendJson("POST", "/camunda/api/admin/setup/default/user/create",
                    "{\"profile\": {\"id\": \"intruder\"}, \"credentials\": {\"password\": \"intruder-password-1\"}}"), 403);
            if (!admin) {
                expect(user.id(), "GET task variables", session.get(ENGINE + "/task/" + taskId + "/variables"), 403);
                expect(user.id(), "POST task claim", session.sendJson("POST", ENGINE + "/task/" + taskId + "/claim",
                        "{\"userId\": \"" + user.id() + "\"}"), 403);
                expect(user.id(), "PUT admin1 credentials", session.sendJson("PUT", ENGINE + "/user/" + ADMIN + "/credentials",
                        "{\"password\": \"taken-over-1\", \"authenticatedUserPassword\": \"" + user.id() + "\"}"), 403);
                expect(user.id(), "POST user/create", session.sendJson("POST", ENGINE + "/user/create",
                        "{\"profile\": {\"id\": \"intruder\"}, \"credentials\": {\"password\": \"intruder-password-1\"}}"), 403);
                expect(user.id(), "PUT join camunda-admin", session.sendJson("PUT", ENGINE + "/group/camunda-admin/members/" + user.id(),
                        null), 403);
            }
        }
        return wrong;
    }

    /** What each user's webapps session was allowed (printed with the matrix). */
    Map<String, String> authorizedApps() {
        return authorizedApps;
    }

    private void tryStoredExpression(String user, WebSession session, boolean admin) {
        HttpResponse<String> created = session.sendJson("POST", ENGINE + "/filter/create", ATTACK_FILTER.formatted(user, FILTER_TABLE));
        if (!admin) {
            expect(user, "POST filter/create", created, 403);
            return;
        }
        // An administrator may keep filters, but no stored query evaluates an expression: refused when saved or listed.
        if (created.statusCode() / 100 == 2) {
            String id = read(created.body()).get("id").asText();
            HttpResponse<String> listed = session.sendJson("POST", ENGINE + "/filter/" + id + "/list", "{}");
            if (listed.statusCode() != 400) {
                wrong.add(user + ": a stored query's expression was evaluated when listed -> " + listed.statusCode());
            }
            session.sendJson("DELETE", ENGINE + "/filter/" + id, null);
        } else if (created.statusCode() != 400) {
            wrong.add(user + ": POST filter/create with an expression -> " + created.statusCode());
        }
    }

    private void expect(String user, String what, HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            wrong.add(user + ": " + what + " -> " + response.statusCode() + " (expected " + status + ")");
        }
    }

    private static List<String> appsOf(String body) {
        List<String> apps = new ArrayList<>();
        read(body).path("authorizedApps").forEach(app -> apps.add(app.asText()));
        return apps.stream().sorted().toList();
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException unreadable) {
            return JSON.createObjectNode();
        }
    }

    /** The tables the attacking model or filter would have made had any expression of theirs run (none, locked down). */
    static List<String> tracesOfAttacks(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_name IN (?, ?)", String.class,
                ATTACK_TABLE, FILTER_TABLE);
    }
}
