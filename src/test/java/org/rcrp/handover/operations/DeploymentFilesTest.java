package org.rcrp.handover.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml and ops/ carry no credential: every password, secret and admin name comes from the
 * environment with no default ({@code ${VAR:?why}}, so {@code docker compose up} refuses to start without it),
 * .env.example names each of them with no value, Prometheus and Grafana read theirs from files or the
 * environment, and no port is published on every interface unless BIND_ADDRESS says so.
 */
class DeploymentFilesTest {

    private static final Path COMPOSE = Path.of("docker-compose.yml");
    private static final Path OPS = Path.of("ops");
    private static final Path ENV_EXAMPLE = Path.of(".env.example");

    /** Names of settings that hold a credential (or the name of an administrator, which is half of one). */
    private static final Pattern CREDENTIAL = Pattern.compile("(?i).*(password|secret|token|credential|admin_user|admin_username).*");
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?:(:?[-?+])([^}]*))?}");
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{[A-Za-z0-9_]+:\\?[^}]+}");
    /** A published port with an address first: "${BIND_ADDRESS:-127.0.0.1}:8081:8080" or "127.0.0.1:9090:9090". */
    private static final Pattern BOUND_PORT = Pattern.compile("^(\\$\\{BIND_ADDRESS:-127\\.0\\.0\\.1}|127\\.0\\.0\\.1|\\[::1]):\\d+:\\d+(/(tcp|udp))?$");

    @Test
    void everyCredentialInComposeComesFromTheEnvironmentWithoutADefault() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> service : services().entrySet()) {
            Object environment = service.getValue().get("environment");
            if (environment instanceof Map<?, ?> variables) {
                variables.forEach((name, value) -> {
                    if (CREDENTIAL.matcher(String.valueOf(name)).matches() && !REQUIRED.matcher(String.valueOf(value)).matches()) {
                        problems.add(service.getKey() + ": " + name + " = " + value + " (must be ${VAR:?...})");
                    }
                });
            } else if (environment != null) {
                problems.add(service.getKey() + ": environment must be a map, so its credentials can be checked");
            }
        }
        Matcher interpolation = INTERPOLATION.matcher(Files.readString(COMPOSE));
        while (interpolation.find()) {
            boolean defaulted = interpolation.group(2) != null && interpolation.group(2).contains("-");
            if (CREDENTIAL.matcher(interpolation.group(1)).matches() && defaulted) {
                problems.add("a default for a credential: " + interpolation.group());
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void noPortIsPublishedOnEveryInterface() throws IOException {
        List<String> problems = new ArrayList<>();
        services().forEach((name, service) -> {
            if (service.get("ports") instanceof List<?> ports) {
                for (Object port : ports) {
                    if (port instanceof Map<?, ?> longSyntax ? longSyntax.get("host_ip") == null
                            : !BOUND_PORT.matcher(String.valueOf(port)).matches()) {
                        problems.add(name + ": " + port);
                    }
                }
            }
        });
        assertThat(problems).as("ports published without an address (all interfaces)").isEmpty();
    }

    @Test
    void envExampleNamesEveryRequiredVariableAndHoldsNoSecret() throws IOException {
        Set<String> required = new LinkedHashSet<>();
        Matcher interpolation = INTERPOLATION.matcher(Files.readString(COMPOSE));
        while (interpolation.find()) {
            if (":?".equals(interpolation.group(2)) || "?".equals(interpolation.group(2))) {
                required.add(interpolation.group(1));
            }
        }
        assertThat(required).as("compose requires its credentials").isNotEmpty();
        assertThat(ENV_EXAMPLE).exists();
        List<String> lines = Files.readAllLines(ENV_EXAMPLE).stream()
                .filter(line -> !line.isBlank() && !line.strip().startsWith("#")).toList();
        Set<String> named = new LinkedHashSet<>();
        for (String line : lines) {
            String[] pair = line.split("=", 2);
            named.add(pair[0].strip());
            if (CREDENTIAL.matcher(pair[0]).matches()) {
                assertThat(pair.length == 2 ? pair[1].strip() : "").as("%s in .env.example has no value", pair[0]).isEmpty();
            }
        }
        assertThat(named).containsAll(required);
        assertThat(Files.readString(Path.of(".gitignore")).lines()).as("a real .env is never committed").contains(".env");
    }

    @Test
    void opsConfigurationHoldsNoCredential() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(OPS)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                if (name.endsWith(".yml") || name.endsWith(".yaml")) {
                    for (Object document : new Yaml().loadAll(Files.readString(file))) {
                        credentials(file + ":", document, problems);
                    }
                }
                String text = Files.readString(file);
                if (Pattern.compile("(?i)\\b(admin/admin|password:\\s*\\S+|grant_type:\\s*password)").matcher(text).find()) {
                    problems.add(file + ": a password grant or a password");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Any key naming a credential with a value of its own (a *_file key, which names a file, is fine). */
    private static void credentials(String where, Object node, List<String> problems) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                String name = String.valueOf(key);
                if (CREDENTIAL.matcher(name).matches() && !name.toLowerCase(Locale.ROOT).endsWith("_file")
                        && !name.toLowerCase(Locale.ROOT).endsWith("_url") && !(value instanceof Map) && !(value instanceof List)) {
                    problems.add(where + " " + name + " = " + value);
                }
                credentials(where + " " + name, value, problems);
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> credentials(where, item, problems));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }
}
