package org.rcrp.handover.web.cases;

import java.util.List;
import java.util.Optional;
import org.rcrp.handover.casefile.CaseQueries;
import org.rcrp.handover.casefile.CaseView;
import org.rcrp.handover.identity.Actor;
import org.rcrp.handover.identity.Actors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Find a case by its reference, the person's name or the address ({@code /cases?q=}): where each stands, who is
 * responsible, when it last changed, and for police the earlier calls about the person. A partner finds only the cases it
 * holds now ({@link CaseQueries#search}).
 */
@Controller
class SearchPageController {

    /** The most cases one search lists, newest first. */
    static final int SHOWN = 25;
    /** Longer words than this search nothing more: it is not a name, an address or a reference. */
    static final int LONGEST = 200;

    private final CaseQueries queries;
    private final Actors actors;

    SearchPageController(CaseQueries queries, Actors actors) {
        this.queries = queries;
        this.actors = actors;
    }

    @GetMapping("/cases")
    String search(@RequestParam Optional<String> q, Model model) {
        Actor actor = actors.current();
        String words = q.map(String::strip).orElse("");
        if (words.length() > LONGEST) {
            words = words.substring(0, LONGEST);
        }
        List<CaseView.Found> found = words.isEmpty() ? List.of() : queries.search(words, SHOWN, actor);
        model.addAttribute("q", words);
        model.addAttribute("found", found);
        model.addAttribute("police", actor.isPolice());
        model.addAttribute("shown", SHOWN);
        return "cases/search";
    }
}
