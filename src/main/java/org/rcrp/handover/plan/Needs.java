package org.rcrp.handover.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Grade;

/**
 * The matched rows of {@code rcrp-response-needs} as the engine keeps them (variable {@code responseNeeds}: the table's
 * own words, never a person's), and read from a decision result.
 */
public final class Needs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Needs() {
    }

    public static List<Need> fromDecision(List<Map<String, Object>> rows) {
        List<Need> needs = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Object rank = row.get(ResponseNeedsDecision.OUTPUT_LEAD_RANK);
            needs.add(new Need((String) row.get(ResponseNeedsDecision.OUTPUT_NEED),
                    Agency.valueOf((String) row.get(ResponseNeedsDecision.OUTPUT_AGENCY)),
                    row.get(ResponseNeedsDecision.OUTPUT_GRADE) == null ? null : Grade.valueOf((String) row.get(ResponseNeedsDecision.OUTPUT_GRADE)),
                    Role.valueOf((String) row.get(ResponseNeedsDecision.OUTPUT_ROLE_WITH_POLICE)),
                    rank == null ? null : ((Number) rank).intValue(),
                    (String) row.get(ResponseNeedsDecision.OUTPUT_REASON)));
        }
        return needs;
    }

    public static String encode(List<Need> needs) {
        try {
            return JSON.writeValueAsString(needs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Needs cannot be written", e);
        }
    }

    public static List<Need> decode(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<List<Need>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Needs cannot be read", e);
        }
    }
}
