package org.rcrp.handover.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.rcrp.handover.process.Agency;

/** The ledger of the process tests, which run on a plain engine without the application's tables. */
public class InMemoryResponseLedger implements ResponseLedger {

    private final Map<String, Map<Agency, Entry>> byCase = new LinkedHashMap<>();

    @Override
    public synchronized List<Agency> plan(String caseId, List<Response> responses, Function<Response, ResponseState> firstState) {
        Map<Agency, Entry> entries = byCase.computeIfAbsent(caseId, id -> new LinkedHashMap<>());
        List<Agency> started = new ArrayList<>();
        for (Response response : responses) {
            Entry before = entries.get(response.agency());
            boolean acting = before != null && before.state().open();
            entries.put(response.agency(), new Entry(response.agency(), response.role(), response.grade(), response.reason(),
                    acting ? before.state() : firstState.apply(response), Instant.now()));
            if (!acting) {
                started.add(response.agency());
            }
        }
        return started;
    }

    @Override
    public synchronized void state(String caseId, Agency agency, Role role, ResponseState state) {
        Map<Agency, Entry> entries = byCase.computeIfAbsent(caseId, id -> new LinkedHashMap<>());
        Entry before = entries.get(agency);
        entries.put(agency, before == null ? new Entry(agency, role, null, null, state, Instant.now())
                : new Entry(agency, before.role() == Role.INFORMED ? role : before.role(), before.grade(), before.reason(), state,
                        Instant.now()));
    }

    @Override
    public synchronized List<Entry> entries(String caseId) {
        return byCase.getOrDefault(caseId, Map.of()).values().stream().sorted(Comparator.comparing(Entry::role)).toList();
    }
}
