package org.rcrp.handover.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.inbox.TaskFacade;
import org.rcrp.handover.inbox.WorkItem;
import org.rcrp.handover.intake.CallIntake;
import org.rcrp.handover.intake.NewCall;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.PartnerReferralProcess;
import org.rcrp.handover.process.Source;
import org.rcrp.handover.support.TestDatabase;
import org.rcrp.handover.support.WaitingTasks;
import org.rcrp.handover.triage.AssessThreshold;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Hostile input against every endpoint of the API as every role and none: mutations of valid contract
 * bodies ({@link HostileRequests}). No answer is a 5xx; every refusal is problem+json with no stack
 * trace, SQL or class name; and a refused request changes nothing in the database (our tables and the
 * engine's, compared by checksum before and after). The job executor is off so that only requests
 * change state. {@code -Drcrp.fuzz.requests=10000 -Drcrp.fuzz.seed=…} widens or replays a run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        TestDatabase.DB_URL, "camunda.bpm.job-execution.enabled=false",
        // A wrong password is one more hostile input here and must get its 401; the throttle, which would lock
        // loopback after the fuzzer's first fifty, has its own tests (SignInThrottleTest, SignInSafetyIT).
        "rcrp.sign-in.max-failures-per-user=1000000", "rcrp.sign-in.max-failures-per-address=1000000"})
@ActiveProfiles("postgres")
@DirtiesContext
class HostileInputIT {

    private static final Logger LOG = LoggerFactory.getLogger(HostileInputIT.class);
    private static final int REQUESTS = Integer.getInteger("rcrp.fuzz.requests", 2_000);
    private static final long SEED = Long.getLong("rcrp.fuzz.seed", System.nanoTime());
    private static final Actor HANDLER1 = new Actor("handler1", Set.of("call-handlers"));
    private static final Actor MHCRISIS = new Actor("mhcrisis1", Set.of("mental-health"));
    private static final List<String> LEAKS = List.of("Exception", "\tat ", "java.", "org.springframework", "org.camunda",
            "org.postgresql", "SQLState", "SQL state", "syntax error", "hibernate");

    /** Everything a request could change, in our tables and the engine's, as one string. */
    private static final String STATE = """
            SELECT concat_ws('|',
              (SELECT md5(coalesce(string_agg(c::text, ',' ORDER BY c.id), '')) FROM rcrp_call c),
              (SELECT md5(coalesce(string_agg(e::text, ',' ORDER BY e.id), '')) FROM rcrp_case_event e),
              (SELECT md5(coalesce(string_agg(k::text, ',' ORDER BY k.case_id), '')) FROM rcrp_contact_key k),
              (SELECT md5(coalesce(string_agg(r::text, ',' ORDER BY r.case_id), '')) FROM rcrp_repeat_contact r),
              (SELECT md5(coalesce(string_agg(t.id_ || ':' || t.rev_ || ':' || coalesce(t.assignee_, ''), ',' ORDER BY t.id_), ''))
                 FROM act_ru_task t),
              (SELECT md5(coalesce(string_agg(v.id_ || ':' || v.rev_, ',' ORDER BY v.id_), '')) FROM act_ru_variable v),
              (SELECT md5(coalesce(string_agg(x.id_ || ':' || x.rev_, ',' ORDER BY x.id_), '')) FROM act_ru_execution x),
              (SELECT count(*) FROM act_ru_job), (SELECT count(*) FROM act_ru_identitylink),
              (SELECT count(*) FROM act_hi_taskinst), (SELECT count(*) FROM act_hi_varinst),
              (SELECT count(*) FROM act_hi_detail), (SELECT count(*) FROM act_hi_op_log),
              (SELECT count(*) FROM act_hi_procinst))
            """;

    @LocalServerPort
    int port;
    @Autowired
    CallIntake intake;
    @Autowired
    TaskFacade tasks;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcTemplate jdbc;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void hostileRequestsGetClearRefusalsThatChangeNothing() throws Exception {
        List<HostileRequests.Template> templates = templates();
        HostileRequests generator = new HostileRequests(SEED);
        LOG.info("Fuzzing {} requests with seed {} (-Drcrp.fuzz.seed={} replays this run)", REQUESTS, SEED, SEED);
        TreeMap<Integer, Integer> statuses = new TreeMap<>();
        TreeMap<String, Long> millisByKind = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int acceptedChanges = 0;
        for (int sent = 0; sent < REQUESTS && failures.size() < 20; sent++) {
            HostileRequests.Request request = generator.next(templates);
            String before = jdbc.queryForObject(STATE, String.class);
            long started = System.nanoTime();
            HttpResponse<String> response = send(request);
            millisByKind.merge(kind(request.description()), (System.nanoTime() - started) / 1_000_000, Long::sum);
            statuses.merge(response.statusCode(), 1, Integer::sum);
            String what = request.method() + " " + request.path() + " as '" + request.user() + "' (" + request.description()
                    + ") -> " + response.statusCode() + " " + abbreviate(response.body());
            if (response.statusCode() < 300 && !before.equals(jdbc.queryForObject(STATE, String.class))) {
                acceptedChanges++;
                if (request.description().startsWith(HostileRequests.NUMBER_FOR_ENUM)) {
                    failures.add("took a number for an enum and changed the database: " + what);
                }
            }
            if (response.statusCode() >= 500) {
                failures.add("5xx: " + what);
            } else if (response.statusCode() >= 400) {
                String contentType = response.headers().firstValue("Content-Type").orElse("");
                if (request.path().startsWith("/fhir")) {
                    // FHIR clients expect an OperationOutcome, not problem+json.
                    if (!contentType.startsWith("application/fhir+json")
                            || !"OperationOutcome".equals(json.readTree(response.body()).path("resourceType").asText())) {
                        failures.add("not an OperationOutcome (" + contentType + "): " + what);
                    }
                } else if (!contentType.startsWith("application/problem+json")) {
                    failures.add("not problem+json (" + contentType + "): " + what);
                } else if (json.readTree(response.body()).path("status").asInt() != response.statusCode()) {
                    failures.add("problem status differs: " + what);
                }
                LEAKS.stream().filter(response.body()::contains).findFirst()
                        .ifPresent(leak -> failures.add("leaks '" + leak + "': " + what));
                String after = jdbc.queryForObject(STATE, String.class);
                if (!before.equals(after)) {
                    failures.add("refused but changed the database: " + what);
                }
            }
        }
        LOG.info("Fuzzed with seed {}: responses by status {}; milliseconds spent by kind {}", SEED, statuses, millisByKind);
        int sent = statuses.values().stream().mapToInt(Integer::intValue).sum();
        report("| check | figure |\n|---|---|\n"
                + "| requests fuzzed (seed " + SEED + ") | " + sent + " |\n"
                + "| responses >= 500 | " + statuses.tailMap(500).values().stream().mapToInt(Integer::intValue).sum() + " |\n"
                + "| refusals (4xx), all problem+json (OperationOutcome under /fhir) | " + statuses.subMap(400, 500).values().stream().mapToInt(Integer::intValue).sum() + " |\n"
                + "| failed checks (5xx, not problem+json, leaks, refused but changed state) | " + failures.size() + " |\n"
                + "| accepted requests that changed state (checksum sees changes) | " + acceptedChanges + " |\n"
                + "| responses by status | " + statuses + " |\n");
        assertThat(failures).as("seed %d; responses by status %s", SEED, statuses).isEmpty();
        assertThat(acceptedChanges).as("the state checksum sees what accepted requests change").isPositive();
        assertThat(statuses.keySet()).as("the fuzzer reached both acceptance and refusal").anyMatch(status -> status < 300)
                .anyMatch(status -> status == 400).anyMatch(status -> status == 401).anyMatch(status -> status == 413);
    }

    /**
     * The hostile cases a security review found, sent on purpose rather than by chance: numbers where an enum
     * belongs, a summary over the body limit, one over its field's limit, and an override reason just under
     * its 4,000 characters on a held triage task. None may be a 5xx; a refusal names its field and changes
     * nothing; a number is never taken as an enum constant.
     */
    @Test
    void numbersForEnumsAndLongStringsAreRefusedOrFitAndNeverA5xx() throws Exception {
        String call = """
                {"reference": "CAD-D-%s", "source": "PUBLIC_999", "category": %s, "summary": "%s",
                 "subject": {"name": "A Person", "ageYears": 30, "knownTo": ["MENTAL_HEALTH"]}}""";
        List<String> failures = new ArrayList<>();
        for (String category : List.of("5", "0", "\"5\"")) {
            expectRefusal(failures, "POST", "/api/calls", "handler1", call.formatted(UUID.randomUUID(), category, "Number category"),
                    400, "category");
        }
        expectRefusal(failures, "POST", "/api/calls", "handler1",
                call.formatted(UUID.randomUUID(), "\"OTHER\"", "x".repeat(70_000)), 413, null);
        expectRefusal(failures, "POST", "/api/calls", "handler1",
                call.formatted(UUID.randomUUID(), "\"OTHER\"", "x".repeat(60_000)), 400, "summary");

        String triageCase = log(Category.CONCERN_FOR_WELFARE, List.of(Agency.MENTAL_HEALTH));
        WorkItem triage = WaitingTasks.of(tasks, triageCase, HANDLER1);
        tasks.claim(triage.id(), HANDLER1);
        String assessment = """
                {"crime": false, "riskToLife": false, "seriousHarm": false, "childAtRisk": false, "medicalEmergency": false,
                 "missingPerson": false, "rationale": "No immediate risk",
                 "override": {"route": %s, "agency": "SOCIAL_CARE", "reason": "%s"}}""";
        expectRefusal(failures, "POST", "/api/tasks/" + triage.id() + "/complete", "handler1",
                assessment.formatted("1", "Known to social care"), 400, "override.route");
        // Known failure at the time of writing (being fixed elsewhere): the case's 'rationale' variable is "Override of the
        // recommendation (...): " + the reason, over the 4,000 characters of ACT_HI_VARINST's text column -> 500. Leave it red.
        String before = jdbc.queryForObject(STATE, String.class);
        HttpResponse<String> longReason = send(new HostileRequests.Request("POST", "/api/tasks/" + triage.id() + "/complete",
                "application/json", assessment.formatted("\"REFER\"", "r".repeat(3_990)).getBytes(StandardCharsets.UTF_8),
                "handler1", "3,990-character override reason"));
        if (longReason.statusCode() >= 500) {
            failures.add("5xx for a 3,990-character override reason: " + longReason.statusCode() + " " + abbreviate(longReason.body()));
        } else if (longReason.statusCode() >= 400 && !before.equals(jdbc.queryForObject(STATE, String.class))) {
            failures.add("a refused 3,990-character override reason changed the database");
        }

        String referredCase = log(Category.CONCERN_FOR_WELFARE, List.of(Agency.MENTAL_HEALTH));
        referToTheCrisisTeam(referredCase, "Known to the crisis team");
        WorkItem acceptance = WaitingTasks.of(tasks, referredCase, MHCRISIS);
        tasks.claim(acceptance.id(), MHCRISIS);
        for (String decision : List.of("0", "1", "\"0\"")) {
            expectRefusal(failures, "POST", "/api/tasks/" + acceptance.id() + "/complete", "mhcrisis1",
                    "{\"decision\": " + decision + ", \"reasonCode\": \"NO_CAPACITY\", \"note\": \"x\"}", 400, "decision");
        }
        String before2 = jdbc.queryForObject(STATE, String.class);
        HttpResponse<String> fhir = send(new HostileRequests.Request("PUT", "/fhir/Task/" + acceptance.id(), "application/fhir+json",
                "{\"resourceType\": \"Task\", \"status\": 5, \"intent\": \"order\"}".getBytes(StandardCharsets.UTF_8),
                "mhcrisis1", "FHIR status as a number"));
        if (fhir.statusCode() < 400 || fhir.statusCode() >= 500 || !before2.equals(jdbc.queryForObject(STATE, String.class))) {
            failures.add("FHIR Task status 5: " + fhir.statusCode() + " " + abbreviate(fhir.body()));
        }
        assertThat(failures).isEmpty();
    }

    /** The request is refused with this status (naming this field, when one is given) and changes nothing. */
    private void expectRefusal(List<String> failures, String method, String path, String user, String body, int status,
                               String field) throws Exception {
        String before = jdbc.queryForObject(STATE, String.class);
        HttpResponse<String> response = send(new HostileRequests.Request(method, path, "application/json",
                body.getBytes(StandardCharsets.UTF_8), user, "directed"));
        String what = method + " " + path + " " + abbreviate(body) + " -> " + response.statusCode() + " " + abbreviate(response.body());
        if (response.statusCode() != status) {
            failures.add("expected " + status + ": " + what);
        } else if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            failures.add("not problem+json: " + what);
        } else if (field != null && !json.readTree(response.body()).path("errors").path(0).path("field").asText().equals(field)) {
            failures.add("does not name " + field + ": " + what);
        }
        if (!before.equals(jdbc.queryForObject(STATE, String.class))) {
            failures.add("refused but changed the database: " + what);
        }
    }

    @Test
    void everyEndpointRefusesAnonymousCallersButHealthAndSignIn() throws Exception {
        List<String[]> endpoints = List.of(new String[] {"POST", "/api/calls"}, new String[] {"GET", "/api/calls"},
                new String[] {"GET", "/api/calls/any"}, new String[] {"POST", "/api/calls/any/updates"},
                new String[] {"GET", "/api/tasks"}, new String[] {"POST", "/api/tasks/any/claim"},
                new String[] {"POST", "/api/tasks/any/unclaim"}, new String[] {"POST", "/api/tasks/any/complete"},
                new String[] {"GET", "/engine-rest/task"}, new String[] {"GET", "/actuator/prometheus"},
                new String[] {"GET", "/v3/api-docs"}, new String[] {"GET", "/api/metrics/summary"}, new String[] {"GET", "/fhir/Task"}, new String[] {"PUT", "/fhir/Task/any"});
        for (String[] endpoint : endpoints) {
            HttpResponse<String> response = send(new HostileRequests.Request(endpoint[0], endpoint[1], "application/json",
                    "{}".getBytes(StandardCharsets.UTF_8), "", "anonymous"));
            assertThat(response.statusCode()).as("%s %s anonymously", endpoint[0], endpoint[1]).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith(endpoint[1].startsWith("/fhir") ? "application/fhir+json" : "application/problem+json"));
        }
        for (String page : List.of("/work", "/calls/new", "/escalations", "/cases/any", "/work/any/triage")) {
            HttpResponse<String> response = send(new HostileRequests.Request("GET", page, null, null, "", "anonymous page"));
            assertThat(response.statusCode()).as("GET %s anonymously", page).isIn(302, 401);
            assertThat(response.body()).as("GET %s anonymously shows nothing of a case", page).doesNotContain("CAD-");
        }
        assertThat(send(new HostileRequests.Request("GET", "/actuator/health", null, null, "", "health")).statusCode()).isEqualTo(200);
        assertThat(send(new HostileRequests.Request("GET", "/login", null, null, "", "sign-in")).statusCode()).isEqualTo(200);
    }

    @Test
    void pagesAndTheApiSendSecurityHeadersAndFormsNeedTheirCsrfToken() throws Exception {
        HttpResponse<String> page = send(new HostileRequests.Request("GET", "/login", null, null, "", "sign-in"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("default-src 'self'").contains("script-src 'self'").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        HttpResponse<String> api = send(new HostileRequests.Request("GET", "/api/tasks", null, null, "handler1", "api"));
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("default-src 'none'").contains("frame-ancestors 'none'"));
        assertThat(api.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(api.headers().firstValue("Cache-Control")).hasValueSatisfying(cache -> assertThat(cache).contains("no-store"));

        // The sign-in form without its token is refused, even with the right password: nothing signs in.
        HttpRequest forged = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=handler1&password=handler1")).build();
        HttpResponse<String> refused = http.send(forged, HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.contains("remember"));
        long calls = jdbc.queryForObject("SELECT count(*) FROM rcrp_call", Long.class);
        HttpRequest forgedCall = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/calls"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("handler1:handler1".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("reference=CAD-CSRF-1&source=PUBLIC_999&category=OTHER&summary=forged")).build();
        assertThat(http.send(forgedCall, HttpResponse.BodyHandlers.ofString()).statusCode()).isIn(302, 401, 403);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rcrp_call", Long.class)).isEqualTo(calls);
    }

    private static void report(String table) throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Path.of(System.getProperty("rcrp.fuzz.report", "target/reliability/fuzz.md"));
        java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
        java.nio.file.Files.writeString(file, table);
    }

    private HttpResponse<String> send(HostileRequests.Request request) throws Exception {
        HttpRequest.BodyPublisher body = request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + request.path()))
                .timeout(Duration.ofSeconds(30)).method(request.method(), body)
                .header("Accept", "application/json, application/problem+json");
        if (request.body() != null) {
            builder.header("Content-Type", request.contentType());
        }
        if (!request.user().isEmpty()) {
            String credentials = request.user().contains(":") ? request.user() : request.user() + ":" + request.user();
            builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Valid requests for every endpoint, with the ids of cases and tasks in each state the fuzzer can reach. */
    private List<HostileRequests.Template> templates() throws Exception {
        String triageCase = log(Category.CONCERN_FOR_WELFARE, List.of());
        String heldTriageCase = log(Category.CONCERN_FOR_WELFARE, List.of());
        WorkItem heldTriage = WaitingTasks.of(tasks, heldTriageCase, HANDLER1);
        tasks.claim(heldTriage.id(), HANDLER1);
        String referredCase = log(Category.CONCERN_FOR_WELFARE, List.of(Agency.MENTAL_HEALTH));
        referToTheCrisisTeam(referredCase, "Known to the crisis team; no immediate risk");
        WorkItem acceptance = WaitingTasks.of(tasks, referredCase, MHCRISIS);
        tasks.claim(acceptance.id(), MHCRISIS);
        String silentCase = log(Category.CONCERN_FOR_WELFARE, List.of(Agency.MENTAL_HEALTH));
        referToTheCrisisTeam(silentCase, "Known to the crisis team");
        Set<String> silentInstances = instancesOf(silentCase);
        Job sla = management.createJobQuery().activityId(PartnerReferralProcess.Elements.TIMER_PARTNER_SLA).list().stream()
                .filter(job -> silentInstances.contains(job.getProcessInstanceId())).findFirst().orElseThrow();
        management.executeJob(sla.getId());
        runDueJobs(silentCase);

        List<String> caseIds = List.of(triageCase, heldTriageCase, referredCase, silentCase, "unknown-case");
        List<String> taskIds = new ArrayList<>();
        for (String caseId : List.of(triageCase, heldTriageCase, referredCase, silentCase)) {
            Set<String> instances = instancesOf(caseId);
            jdbc.queryForList("SELECT id_, proc_inst_id_ FROM act_ru_task").stream()
                    .filter(row -> instances.contains((String) row.get("proc_inst_id_")))
                    .forEach(row -> taskIds.add((String) row.get("id_")));
        }
        taskIds.add("unknown-task");
        List<HostileRequests.Template> templates = new ArrayList<>();
        templates.add(template("POST", "/api/calls", """
                {"reference": "CAD-F-%s", "source": "PUBLIC_999", "category": "AWOL", "summary": "Patient absent without leave",
                 "location": {"description": "Ward 4", "urban": true},
                 "subject": {"name": "A Patient", "ageYears": 34, "knownTo": ["MENTAL_HEALTH"]},
                 "caller": {"name": "Nurse", "phone": "01632 960 123", "relationship": "ward staff"},
                 "awol": {"mhaSection": "s2", "retakeExpiry": "%s", "partThree": false, "dangerous": false,
                          "particularlyVulnerable": false, "hospitalSearched": true}}
                """.formatted(UUID.randomUUID().toString().substring(0, 8),
                java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).plusDays(14)), List.of()));
        templates.add(template("GET", "/api/calls/{id}", null, caseIds));
        templates.add(template("GET", "/api/calls?state=TRIAGE&limit=20", null, List.of()));
        templates.add(template("POST", "/api/calls/{id}/updates",
                "{\"note\": \"Caller rang back\", \"riskToLife\": false, \"seriousHarm\": false, \"crime\": false}", caseIds));
        templates.add(template("GET", "/api/tasks?scope=available", null, List.of()));
        templates.add(template("POST", "/api/tasks/{id}/claim", null, taskIds));
        templates.add(template("POST", "/api/tasks/{id}/unclaim", null, taskIds));
        templates.add(template("POST", "/api/tasks/{id}/complete", """
                {"crime": false, "riskToLife": false, "seriousHarm": false, "childAtRisk": false, "medicalEmergency": false,
                 "missingPerson": false, "rationale": "No immediate risk", "override": {"route": "REFER", "agency": "SOCIAL_CARE",
                 "reason": "Known to social care"}}""", taskIds));
        templates.add(template("POST", "/api/tasks/{id}/complete",
                "{\"decision\": \"REJECT\", \"reasonCode\": \"NO_CAPACITY\", \"note\": \"No team free\"}", taskIds));
        templates.add(template("POST", "/api/tasks/{id}/complete",
                "{\"action\": \"REROUTE\", \"agency\": \"AMBULANCE\", \"note\": \"Ambulance to check\"}", taskIds));
        templates.add(template("POST", "/api/tasks/{id}/complete", "{\"method\": \"PHONE\", \"note\": \"Told\"}", taskIds));
        templates.add(template("POST", "/api/tasks/{id}/complete",
                "{\"outcome\": \"REFER_PARTNER\", \"agency\": \"MENTAL_HEALTH\", \"note\": \"Refer\"}", taskIds));
        templates.add(template("GET", "/api/metrics/summary?from=2026-01-01&to=2026-12-31", null, List.of()));
        templates.add(template("GET", "/fhir/Task?status=requested", null, List.of()));
        templates.add(template("GET", "/fhir/Task/{id}", null, taskIds));
        templates.add(template("PUT", "/fhir/Task/{id}", """
                {"resourceType": "Task", "status": "rejected", "intent": "order",
                 "statusReason": {"coding": [{"system": "https://rcrp.org/fhir/CodeSystem/rejection-reason", "code": "NO_CAPACITY"}],
                                  "text": "No team free"}}""", taskIds));
        return templates;
    }

    /** handler1 triages the case (known to the crisis team, no risk) and its referral notice goes out. */
    private void referToTheCrisisTeam(String caseId, String rationale) {
        WorkItem triage = WaitingTasks.of(tasks, caseId, HANDLER1);
        tasks.claim(triage.id(), HANDLER1);
        tasks.complete(triage.id(), HANDLER1, AssessThreshold.answers(false, false, false, false, false, false, rationale));
        runDueJobs(caseId);
    }

    private HostileRequests.Template template(String method, String path, String body, List<String> ids) throws Exception {
        JsonNode node = body == null ? null : json.readTree(body);
        return new HostileRequests.Template(method, path, node, ids);
    }

    private String log(Category category, List<Agency> knownTo) {
        return intake.log(new NewCall("CAD-F-" + UUID.randomUUID().toString().substring(0, 8), Source.PUBLIC_101, category,
                "Neighbour worried", null, new NewCall.Subject("J Smith", 41, knownTo), null, null), HANDLER1).call().id();
    }

    /** The case's process instance and its referrals' (they carry the case id as business key). */
    private Set<String> instancesOf(String caseId) {
        return Set.copyOf(jdbc.queryForList("SELECT id_ FROM act_ru_execution WHERE business_key_ = ? AND id_ = proc_inst_id_",
                String.class, caseId));
    }

    /**
     * The job executor is off: run what is due for this test's cases by hand (the asynchronous
     * notification). Other tests' cases in the same database keep their jobs.
     */
    private void runDueJobs(String... caseIds) {
        Set<String> instances = new java.util.HashSet<>();
        for (String caseId : caseIds) {
            instances.addAll(instancesOf(caseId));
        }
        for (int round = 0; round < 10; round++) {
            List<Job> due = management.createJobQuery().executable().list().stream()
                    .filter(job -> instances.contains(job.getProcessInstanceId())).toList();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
    }

    /** What kind of mutation a request is, without the field it hit. */
    private static String kind(String description) {
        for (String kind : List.of("field", HostileRequests.NUMBER_FOR_ENUM.strip(), "near the limit")) {
            if (description.startsWith(kind)) {
                return kind;
            }
        }
        return description;
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
