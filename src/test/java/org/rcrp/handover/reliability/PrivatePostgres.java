package org.rcrp.handover.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server of the reliability tests' own (initdb into a temporary directory, a free loopback
 * port), so that restarting it mid-load disturbs nobody else's database. Uses the machine's PostgreSQL
 * binaries; as root it runs them as the {@code postgres} user, as PostgreSQL requires.
 */
final class PrivatePostgres implements AutoCloseable {

    private final Path bin;
    private final Path data;
    private final Path log;
    private final int port;

    private PrivatePostgres(Path bin, Path data, Path log, int port) {
        this.bin = bin;
        this.data = data;
        this.log = log;
        this.port = port;
    }

    static PrivatePostgres launch() throws Exception {
        Path bin;
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            bin = versions.max(Comparator.comparing(Path::getFileName)).orElseThrow().resolve("bin");
        }
        Path dir = Files.createTempDirectory("rcrp-reliability-pg-");
        PrivatePostgres postgres = new PrivatePostgres(bin, dir.resolve("data"), dir.resolve("postgres.log"), freePort());
        postgres.asPostgres(List.of("chown", "-R", "postgres", dir.toString()), true);
        postgres.asPostgres(List.of(bin.resolve("initdb").toString(), "-D", postgres.data.toString(), "-A", "trust", "-U", "postgres",
                "--no-sync"), false);
        postgres.start();
        return postgres;
    }

    int port() {
        return port;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    void createDatabase(String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "")) {
            connection.createStatement().execute("CREATE DATABASE " + name);
        }
    }

    /** A fast shutdown: connected clients are cut off, as when the server fails or is patched. */
    void stop() throws Exception {
        pgCtl("stop");
    }

    void start() throws Exception {
        pgCtl("start");
        awaitUp(Duration.ofSeconds(30));
    }

    void awaitUp(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection ignored = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "")) {
                return;
            } catch (SQLException notYet) {
                TimeUnit.MILLISECONDS.sleep(200);
            }
        }
        throw new IllegalStateException("PostgreSQL did not come up on port " + port);
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    private void pgCtl(String action) throws Exception {
        List<String> command = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                log.toString(), "-w", "-t", "60", "-m", "fast"));
        if (!action.equals("stop")) {
            command.addAll(List.of("-o", "-p " + port + " -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off"));
        }
        command.add(action);
        asPostgres(command, false);
    }

    private void asPostgres(List<String> command, boolean asIs) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (!asIs && "root".equals(System.getProperty("user.name"))) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", full) + " failed: " + output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
