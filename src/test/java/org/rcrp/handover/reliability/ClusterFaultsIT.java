package org.rcrp.handover.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two application nodes (the built jar, {@code postgres} profile) on one PostgreSQL server of the test's
 * own, under a load of calls and triage completions spread over both. Mid-load one node is killed
 * (SIGKILL); later the database is restarted. Afterwards every call that was accepted exists and has
 * carried on, no task is lost or duplicated, every partner SLA timer that fell due fired exactly once
 * (engine job log and our escalation tasks), the surviving node finished the dead node's jobs once their
 * locks expired, and during the database outage the API answered 503 problem+json, never 500, and
 * recovered by itself. {@code -Drcrp.reliability.calls=N} sets the load (CI: 20; {@code reliability/run}: more).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterFaultsIT {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterFaultsIT.class);
    private static final int CALLS = Integer.getInteger("rcrp.reliability.calls", 20);
    private static final Duration ACKNOWLEDGEMENT = Duration.ofSeconds(20);
    private static final Duration LOCK = Duration.ofSeconds(10);
    private static final Duration OUTAGE = Duration.ofSeconds(4);
    private static final Path WORK = Path.of("target", "reliability");
    private static final Path REPORT = Path.of(System.getProperty("rcrp.reliability.report", "target/reliability/cluster.md"));

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final Map<String, String> accepted = new ConcurrentHashMap<>();
    private final Set<String> triaged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final List<String> serverErrorSamples = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger outageAnswers = new AtomicInteger();
    private final AtomicInteger clientRetries = new AtomicInteger();
    private final AtomicLong slowestDuringOutageMillis = new AtomicLong();

    private static final Duration WEBHOOK_DELAY = Duration.ofSeconds(2);
    private final AtomicInteger webhookDeliveries = new AtomicInteger();
    private com.sun.net.httpserver.HttpServer partnerWebhook;
    private PrivatePostgres postgres;
    private AppNode nodeA;
    private AppNode nodeB;
    private volatile boolean restarting;

    @BeforeAll
    void startTwoNodesOnOneDatabase() throws Exception {
        Path jar;
        try (var files = Files.list(Path.of("target"))) {
            jar = files.filter(file -> file.getFileName().toString().matches("rcrp-handover-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Build the jar first (mvn package)"));
        }
        // The crisis team's webhook answers slowly, as a partner's system under strain does: a node that
        // dies while it waits leaves the notification's job locked, and the other node must take it over.
        partnerWebhook = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        partnerWebhook.setExecutor(Executors.newFixedThreadPool(16));
        partnerWebhook.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            webhookDeliveries.incrementAndGet();
            pause(WEBHOOK_DELAY.toMillis());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        partnerWebhook.start();
        postgres = PrivatePostgres.launch();
        postgres.createDatabase("rcrp_reliability");
        Map<String, String> environment = new java.util.HashMap<>(Map.of(
                "DB_URL", postgres.jdbcUrl("rcrp_reliability"),
                "RCRP_SLA_PARTNERREMINDER", "PT10S",
                "RCRP_SLA_PARTNERACKNOWLEDGEMENT", ACKNOWLEDGEMENT.toString(),
                "JOB_LOCK_MS", String.valueOf(LOCK.toMillis()),
                "RCRP_AGENCIES_MENTALHEALTH_WEBHOOKURL", "http://127.0.0.1:" + partnerWebhook.getAddress().getPort() + "/hook",
                "RCRP_AGENCIES_MENTALHEALTH_WEBHOOKSECRET", "reliability-test-secret-of-at-least-32-chars"));
        // One node first: both creating the engine's schema at once would race on the same tables.
        environment.put("RCRP_NODE_NAME", "node-a");
        nodeA = AppNode.start("node-a", jar, WORK, environment);
        nodeA.awaitHealthy(http, Duration.ofMinutes(4));
        environment.put("RCRP_NODE_NAME", "node-b");
        nodeB = AppNode.start("node-b", jar, WORK, environment);
        nodeB.awaitHealthy(http, Duration.ofMinutes(4));
    }

    @AfterAll
    void stopEverything() throws Exception {
        for (AutoCloseable part : new AutoCloseable[] {nodeA, nodeB, postgres}) {
            if (part != null) {
                part.close();
            }
        }
        if (partnerWebhook != null) {
            partnerWebhook.stop(0);
        }
    }

    @Test
    void noAcceptedCallIsLostAndEveryEscalationFiresOnceThroughANodeKillAndADatabaseRestart() throws Exception {
        Instant started = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> work = new ArrayList<>();

        // Load over both nodes, triaged to referrals on both. When their partner clocks run out, both nodes
        // reach for the timers at once: node A dies then, with some of them in its hands.
        for (int i = 0; i < CALLS; i++) {
            AppNode first = i % 2 == 0 ? nodeA : nodeB;
            work.add(pool.submit(() -> logCall(first)));
        }
        await(work);
        triageWhatIsWaiting(Duration.ofSeconds(60), CALLS);
        Set<String> heldByTheDeadNode = killNodeAWhileItHoldsJobs(ACKNOWLEDGEMENT.plusSeconds(30));

        // The database goes away for a few seconds under a second batch of calls, then comes back.
        int secondBatch = Math.max(10, CALLS / 2);
        for (int i = 0; i < secondBatch; i++) {
            work.add(pool.submit(() -> logCall(nodeB)));
        }
        restarting = true;
        Instant outage = Instant.now();
        postgres.stop();
        TimeUnit.SECONDS.sleep(OUTAGE.toSeconds());
        postgres.start();
        Instant back = Instant.now();
        restarting = false;
        Duration recovery = timeToFirstSuccess(back);
        await(work);
        pool.shutdown();

        int expected = CALLS + secondBatch;
        triageWhatIsWaiting(Duration.ofSeconds(120), expected);
        Map<String, Long> figures = settleAndMeasure(expected, heldByTheDeadNode);
        figures.put("calls sent", (long) expected);
        figures.put("5xx answers (not 503)", (long) serverErrors.get());
        figures.put("503 problem+json during the outage", (long) outageAnswers.get());
        figures.put("client retries (dead node, outage)", (long) clientRetries.get());
        figures.put("slowest answer during the outage (ms)", slowestDuringOutageMillis.get());
        figures.put("database down (ms)", Duration.between(outage, back).toMillis());
        figures.put("first success after the restart (ms)", recovery.toMillis());
        figures.put("webhook deliveries to the crisis team (at least one per referral)", (long) webhookDeliveries.get());
        figures.put("whole run (s)", Duration.between(started, Instant.now()).toSeconds());
        report(figures);

        assertThat(serverErrorSamples).as("no 5xx but 503 during the outage").isEmpty();
        assertThat(figures.get("calls accepted")).isEqualTo(expected);
        assertThat(figures.get("calls found")).isEqualTo(expected);
        assertThat(figures.get("cases without a process")).isZero();
        assertThat(figures.get("referrals (each with a partner SLA timer due)")).isEqualTo(expected);
        assertThat(figures.get("partner SLA timers fired")).isEqualTo(expected);
        assertThat(figures.get("timers fired more than once")).isZero();
        assertThat(figures.get("timer jobs that succeeded more than once")).isZero();
        assertThat(figures.get("escalations (supervisor reviews)")).isEqualTo(expected);
        assertThat(figures.get("duplicated open tasks")).isZero();
        assertThat(figures.get("jobs failed or due and not run")).isZero();
        assertThat(figures.get("jobs held by the killed node")).as("node A died holding jobs").isPositive();
        assertThat(figures.get("webhook deliveries to the crisis team (at least one per referral)")).isGreaterThanOrEqualTo(expected);
        assertThat(figures.get("jobs held by the killed node, finished by the survivor"))
                .isEqualTo(figures.get("jobs held by the killed node"));
    }

    private void logCall(AppNode first) {
        String reference = "CAD-R-" + UUID.randomUUID().toString().substring(0, 12);
        String body = """
                {"reference": "%s", "source": "PUBLIC_101", "category": "CONCERN_FOR_WELFARE",
                 "summary": "Neighbour not seen for two days", "location": {"description": "12 High St", "urban": true},
                 "subject": {"name": "J Smith", "ageYears": 41, "knownTo": ["MENTAL_HEALTH"]}}""".formatted(reference);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        AppNode node = first;
        while (System.nanoTime() < deadline) {
            if (!node.alive()) {
                node = nodeB;
            }
            Answer answer = send(node, "POST", "/api/calls", body, "handler1");
            if (answer.status == 201 || answer.status == 200) {
                accepted.put(reference, answer.json.path("id").asText());
                return;
            }
            clientRetries.incrementAndGet();
            pause(200);
        }
        throw new AssertionError("Call " + reference + " was never accepted");
    }

    /** A handler claims and triages every waiting call of this run: known to the crisis team, so referred. */
    private void triageWhatIsWaiting(Duration atMost, int until) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline && triaged.size() < until) {
            AppNode node = nodeA.alive() ? nodeA : nodeB;
            boolean any = false;
            // "mine" too: a claim that went through just before a failure leaves the task held by this handler.
            for (String scope : List.of("mine", "available")) {
                Answer tasks = send(node, "GET", "/api/tasks?scope=" + scope, null, "handler1");
                if (tasks.status != 200) {
                    continue;
                }
                for (JsonNode task : tasks.json) {
                    String caseId = task.path("callId").asText();
                    if (!"user_assess_threshold".equals(task.path("key").asText()) || !accepted.containsValue(caseId)) {
                        continue;
                    }
                    any = true;
                    String id = task.path("id").asText();
                    if (scope.equals("available")) {
                        send(node, "POST", "/api/tasks/" + id + "/claim", null, "handler1");
                    }
                    Answer done = send(node, "POST", "/api/tasks/" + id + "/complete", """
                            {"crime": false, "riskToLife": false, "seriousHarm": false, "childAtRisk": false,
                             "medicalEmergency": false, "missingPerson": false, "rationale": "Known to the crisis team"}""", "handler1");
                    if (done.status == 204) {
                        triaged.add(caseId);
                    }
                }
            }
            if (!any) {
                pause(500);
            }
        }
        assertThat(triaged).as("calls triaged").hasSizeGreaterThanOrEqualTo(until);
    }

    private Map<String, Long> settleAndMeasure(int expected, Set<String> heldByTheDeadNode) throws Exception {
        String cases = "(" + String.join(",", accepted.values().stream().map(id -> "'" + id + "'").toList()) + ")";
        String instances = "(SELECT id_ FROM act_hi_procinst WHERE business_key_ IN " + cases + ")";
        long deadline = System.nanoTime() + ACKNOWLEDGEMENT.plus(LOCK).plusSeconds(90).toNanos();
        String escalations = "SELECT count(*) FROM act_hi_taskinst WHERE task_def_key_ = 'user_supervisor_review' AND proc_inst_id_ IN " + instances;
        while (System.nanoTime() < deadline && count(escalations) < expected) {
            pause(1000);
        }
        Map<String, Long> figures = new LinkedHashMap<>();
        figures.put("calls accepted", (long) accepted.size());
        figures.put("calls found", count("SELECT count(*) FROM rcrp_call WHERE id IN " + cases));
        figures.put("cases without a process", count("SELECT count(*) FROM rcrp_call c WHERE c.id IN " + cases
                + " AND NOT EXISTS (SELECT 1 FROM act_hi_procinst p WHERE p.business_key_ = c.id AND p.proc_def_key_ = 'rcrp-call')"));
        figures.put("referrals (each with a partner SLA timer due)", count("SELECT count(*) FROM act_hi_procinst WHERE proc_def_key_ = 'partner-referral' AND business_key_ IN " + cases));
        figures.put("partner SLA timers fired", count("SELECT count(*) FROM act_hi_actinst WHERE act_id_ = 'timer_partner_sla' AND proc_inst_id_ IN " + instances));
        figures.put("timers fired more than once", count("SELECT count(*) FROM (SELECT proc_inst_id_ FROM act_hi_actinst WHERE act_id_ IN "
                + "('timer_partner_sla', 'timer_partner_reminder') AND proc_inst_id_ IN " + instances + " GROUP BY proc_inst_id_, act_id_ HAVING count(*) > 1) t"));
        figures.put("timer jobs that succeeded more than once", count("SELECT count(*) FROM (SELECT job_id_ FROM act_hi_job_log WHERE job_state_ = 2 "
                + "AND act_id_ IN ('timer_partner_sla', 'timer_partner_reminder') GROUP BY job_id_ HAVING count(*) > 1) t"));
        figures.put("escalations (supervisor reviews)", count(escalations));
        figures.put("duplicated open tasks", count("SELECT count(*) FROM (SELECT proc_inst_id_ FROM act_ru_task GROUP BY proc_inst_id_, task_def_key_ "
                + "HAVING count(*) > 1) t"));
        figures.put("jobs failed or due and not run", count("SELECT count(*) FROM act_ru_job WHERE retries_ = 0 OR (duedate_ < now() - interval '5 seconds' "
                + "AND (lock_exp_time_ IS NULL OR lock_exp_time_ < now()))"));
        figures.put("jobs held by the killed node", (long) heldByTheDeadNode.size());
        figures.put("jobs held by the killed node, finished by the survivor", heldByTheDeadNode.isEmpty() ? 0L
                : count("SELECT count(DISTINCT job_id_) FROM act_hi_job_log WHERE job_state_ = 2 AND job_id_ IN ("
                        + String.join(",", heldByTheDeadNode.stream().map(id -> "'" + id + "'").toList()) + ")"));
        return figures;
    }

    /** Watches the job table and kills node A the moment it has locked jobs (its name is in their lock owner). */
    private Set<String> killNodeAWhileItHoldsJobs(Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        Set<String> held = Set.of();
        while (System.nanoTime() < deadline && held.isEmpty()) {
            held = lockedJobs(nodeA.name());
            pause(5);
        }
        nodeA.kill();
        Set<String> stillHeld = lockedJobs(nodeA.name());
        LOG.info("Killed {} with {} calls accepted, holding jobs {}", nodeA.name(), accepted.size(), stillHeld);
        return stillHeld;
    }

    private Set<String> lockedJobs(String node) throws SQLException {
        Set<String> ids = new java.util.HashSet<>();
        try (Connection connection = connection();
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT id_ FROM act_ru_job WHERE lock_owner_ LIKE '" + node + "/%' AND lock_exp_time_ > now()")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private Duration timeToFirstSuccess(Instant since) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (send(nodeB, "GET", "/api/tasks?scope=mine", null, "handler1").status == 200) {
                return Duration.between(since, Instant.now());
            }
            pause(200);
        }
        throw new AssertionError("The API did not recover within 60 s of the database restart");
    }

    private record Answer(int status, JsonNode json) {
    }

    private Answer send(AppNode node, String method, String path, String body, String user) {
        boolean duringOutage = restarting;
        long started = System.nanoTime();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url() + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (duringOutage || restarting) {
                slowestDuringOutageMillis.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
            }
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            if (response.statusCode() == 503 && contentType.startsWith("application/problem+json")) {
                outageAnswers.incrementAndGet();
            } else if (response.statusCode() >= 500) {
                serverErrors.incrementAndGet();
                serverErrorSamples.add(method + " " + path + " on " + node.name() + " -> " + response.statusCode() + " " + response.body());
            }
            JsonNode parsed = response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
            return new Answer(response.statusCode(), parsed);
        } catch (IOException unreachable) {
            return new Answer(-1, json.nullNode());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Answer(-1, json.nullNode());
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = connection(); ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private Connection connection() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl("rcrp_reliability"), "postgres", "");
    }

    private void report(Map<String, Long> figures) throws IOException {
        StringBuilder table = new StringBuilder("| check | figure |\n|---|---|\n");
        figures.forEach((name, value) -> table.append("| ").append(name).append(" | ").append(value).append(" |\n"));
        LOG.info("Cluster under faults:\n{}", table);
        Files.createDirectories(REPORT.toAbsolutePath().getParent());
        Files.writeString(REPORT, table);
    }

    private static void await(List<Future<?>> work) throws Exception {
        for (Future<?> future : work) {
            future.get(5, TimeUnit.MINUTES);
        }
        work.clear();
    }

    private static void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
