package org.rcrp.handover.plan;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.Grade;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A force's RCRP roll-out ({@code rcrp.routing}): the categories routed by RCRP, and the youngest age routed by it (forces
 * phase children in later). A call outside the roll-out gets a police need, so police respond as they did before RCRP;
 * every other need the table found stays on the plan beside them. By default everything is in.
 */
@ConfigurationProperties("rcrp.routing")
public class RoutingScope {

    static final String OUT_OF_SCOPE = "OUTSIDE_RCRP_ROLL_OUT";

    private Set<Category> categories = EnumSet.allOf(Category.class);
    private int minAge = 0;

    public static RoutingScope everything() {
        return new RoutingScope();
    }

    public Optional<Need> outOfScope(Category category, Integer subjectAge) {
        if (category != null && !categories.contains(category)) {
            return Optional.of(policeAsBefore("This force does not route " + category + " calls by RCRP yet: police respond as before."));
        }
        if (subjectAge != null && subjectAge < minAge) {
            return Optional.of(policeAsBefore("This force routes by RCRP from age " + minAge + ": police respond as before."));
        }
        return Optional.empty();
    }

    private static Need policeAsBefore(String reason) {
        return new Need(OUT_OF_SCOPE, Agency.POLICE, Grade.PRIORITY, Role.LEAD, null, reason);
    }

    public Set<Category> getCategories() {
        return categories;
    }

    public void setCategories(Set<Category> categories) {
        this.categories = categories.isEmpty() ? EnumSet.noneOf(Category.class) : EnumSet.copyOf(categories);
    }

    public int getMinAge() {
        return minAge;
    }

    public void setMinAge(int minAge) {
        this.minAge = minAge;
    }
}
