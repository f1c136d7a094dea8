package org.rcrp.handover.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Mutations of valid contract requests: wrong types, nulls, missing and extra fields, unknown enums,
 * numbers (and digit strings) where an enum belongs, strings just under the 4,000-character limit,
 * huge and strange strings (unicode, control characters, NUL, markup, SQL), deep nesting, bodies that
 * are not JSON or too large, wrong content types and methods, hostile ids and query values, every role
 * and none. Seeded, so a failing run can be replayed.
 */
final class HostileRequests {

    record Request(String method, String path, String contentType, byte[] body, String user, String description) {
    }

    /** A valid request to start mutating from; {@code {id}} in the path is filled from {@code ids}. */
    record Template(String method, String path, JsonNode body, List<String> ids) {
    }

    static final List<String> USERS = List.of("handler1", "handler2", "supervisor1", "officer1", "mhcrisis1",
            "ambulance1", "social1", "hospital1", "manager1", "admin1", "", "handler1:wrong");

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String[] STRANGE = {
        "", " ", "\u0000", "nul\u0000inside", "\uD83D\uDE00\uD83D\uDD25 emoji", "\u202Eright-to-left\u202C", "zero\u200Bwidth",
        "<script>alert(1)</script>", "' OR 1=1 --", "'; DROP TABLE rcrp_call; --", "${jndi:ldap://127.0.0.1/x}",
        "#{7*7}", "../../../../etc/passwd", "%00", "\\u0000", "\r\nX-Injected: yes", "null", "true", "-1",
        "\uFFFF\uFFFE", "\uD800", "ä ö ü ß é ñ 漢字 العربية", "\t\b\f",
    };
    private static final String[] STRANGE_IDS = {
        "does-not-exist", "00000000-0000-0000-0000-000000000000", "' OR '1'='1", "..", "%2e%2e", "<x>",
        "\uD83D\uDE00", "a".repeat(5000), "1;DROP TABLE x", "null", " ", "-1", "%00",
    };

    private final Random random;
    private final ObjectMapper objectMapper = new ObjectMapper();

    HostileRequests(long seed) {
        this.random = new Random(seed);
    }

    Request next(List<Template> templates) {
        Template template = templates.get(random.nextInt(templates.size()));
        String user = USERS.get(random.nextInt(USERS.size()));
        String id = template.ids().isEmpty() ? "" : template.ids().get(random.nextInt(template.ids().size()));
        String method = template.method();
        String contentType = "application/json";
        JsonNode body = template.body() == null ? null : template.body().deepCopy();
        byte[] raw = null;
        String description;
        int choice = random.nextInt(100);
        if (choice < 45 && body != null) {
            description = mutate(body);
        } else if (choice < 52) {
            id = STRANGE_IDS[random.nextInt(STRANGE_IDS.length)];
            description = "hostile id";
        } else if (choice < 58 && body != null) {
            body = nest(body, 10 + random.nextInt(900));
            description = "deep nesting";
        } else if (choice < 66) {
            String[] garbage = {"", "{", "}", "null", "[]", "\"text\"", "42", "{\"a\":", "{'single':'quotes'}",
                "\u0000\u0001\u0002", "{\"reference\": \"x\",}", "<xml/>", "{\"a\":1}{\"b\":2}"};
            raw = garbage[random.nextInt(garbage.length)].getBytes(StandardCharsets.UTF_8);
            description = "not JSON";
        } else if (choice < 69) {
            raw = new byte[70_000 + random.nextInt(200_000)];
            java.util.Arrays.fill(raw, (byte) 'a');
            raw[0] = '"';
            raw[raw.length - 1] = '"';
            description = "too large";
        } else if (choice < 73) {
            contentType = random.nextBoolean() ? "text/plain" : "application/xml";
            description = "wrong content type";
        } else if (choice < 77) {
            method = random.nextBoolean() ? "DELETE" : (random.nextBoolean() ? "PUT" : "PATCH");
            description = "wrong method";
        } else if (choice < 85) {
            description = "valid";
        } else {
            description = "strange query";
        }
        String path = template.path().replace("{id}", encode(id));
        if (description.equals("strange query")) {
            String[] names = {"state", "limit", "scope", "from", "to"};
            String[] values = {"CLOSED", "NOT_A_STATE", "-1", "0", "99999999999999999999", "1e3", "", "mine", "available",
                "everything", "2026-13-45", STRANGE[random.nextInt(STRANGE.length)]};
            path += (path.contains("?") ? "&" : "?") + names[random.nextInt(names.length)] + "="
                    + encode(values[random.nextInt(values.length)]);
        }
        if (raw == null && body != null) {
            raw = write(body);
        }
        return new Request(method, path, contentType, raw, user, description);
    }

    private String mutate(JsonNode body) {
        List<ObjectNode> objects = new ArrayList<>();
        collect(body, objects);
        if (objects.isEmpty()) {
            return "valid";
        }
        ObjectNode target = objects.get(random.nextInt(objects.size()));
        List<String> names = new ArrayList<>();
        target.fieldNames().forEachRemaining(names::add);
        int operation = random.nextInt(6);
        if (operation == 0 || names.isEmpty()) {
            target.set("unexpected" + random.nextInt(5), hostileValue());
            return "extra field";
        }
        String field = names.get(random.nextInt(names.size()));
        if (random.nextInt(8) == 0 && ENUM_VALUE.matcher(target.path(field).asText()).matches()) {
            // Jackson's default takes 5 (and "5") as an enum's sixth constant: it must be refused, never taken.
            int index = random.nextInt(7);
            target.set(field, random.nextBoolean() ? JSON.numberNode(index) : JSON.textNode(Integer.toString(index)));
            return NUMBER_FOR_ENUM + field;
        }
        if (random.nextInt(8) == 0 && target.path(field).isTextual()) {
            // Just under the 4,000 characters a text field may hold: it must fit wherever it is kept.
            target.put(field, "y".repeat(3_990 + random.nextInt(11)));
            return "near the limit " + field;
        }
        switch (operation) {
            case 1 -> target.remove(field);
            case 2 -> target.putNull(field);
            case 3 -> target.put(field, "NOT_A_VALUE_" + random.nextInt(100));
            default -> target.set(field, hostileValue());
        }
        return "field " + field;
    }

    /** The description of a request that sends a number where an enum's name belongs. */
    static final String NUMBER_FOR_ENUM = "number for enum ";
    private static final java.util.regex.Pattern ENUM_VALUE = java.util.regex.Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

    private JsonNode hostileValue() {
        return switch (random.nextInt(10)) {
            case 0 -> JSON.numberNode(random.nextBoolean() ? Long.MAX_VALUE : -random.nextInt(1000));
            case 1 -> JSON.numberNode(new java.math.BigDecimal("1e400"));
            case 2 -> JSON.booleanNode(random.nextBoolean());
            case 3 -> JSON.arrayNode().add(STRANGE[random.nextInt(STRANGE.length)]).add(7);
            case 4 -> JSON.objectNode().put("nested", STRANGE[random.nextInt(STRANGE.length)]);
            case 5 -> JSON.textNode("x".repeat(random.nextBoolean() ? 4_001 + random.nextInt(2000) : 66_000));
            case 6 -> JSON.textNode(STRANGE[random.nextInt(STRANGE.length)].repeat(1 + random.nextInt(50)));
            case 7 -> JSON.nullNode();
            case 8 -> JSON.numberNode(random.nextDouble() * 1e6);
            default -> JSON.textNode(STRANGE[random.nextInt(STRANGE.length)]);
        };
    }

    private static void collect(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object) {
            objects.add(object);
            object.elements().forEachRemaining(child -> collect(child, objects));
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(child -> collect(child, objects));
        }
    }

    private static JsonNode nest(JsonNode body, int depth) {
        JsonNode nested = body;
        for (int level = 0; level < depth; level++) {
            ObjectNode wrapper = JSON.objectNode();
            wrapper.set("subject", nested);
            nested = wrapper;
        }
        return nested;
    }

    private byte[] write(JsonNode body) {
        try {
            return objectMapper.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
