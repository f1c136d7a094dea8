package org.rcrp.handover.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every value a person reads has words; every value a person chooses also says what choosing it does. */
class LabelCatalogueTest {

    private static final String CODE = "\\b[A-Z]+_[A-Z_]+\\b";

    @Test
    void everyValueAPersonChoosesHasALabelAndAConsequence() {
        List<String> missing = new ArrayList<>();
        for (Class<? extends Enum<?>> type : LabelCatalogue.CHOICES) {
            for (Enum<?> value : type.getEnumConstants()) {
                LabelCatalogue.Entry entry = LabelCatalogue.entry(value);
                if (entry == null || blank(entry.label()) || blank(entry.consequence())) {
                    missing.add(type.getSimpleName() + "." + value.name());
                }
            }
        }
        assertThat(missing).as("choices without a label or a consequence").isEmpty();
    }

    @Test
    void everyValueAPersonReadsHasALabel() {
        List<String> missing = new ArrayList<>();
        for (Class<? extends Enum<?>> type : LabelCatalogue.SHOWN) {
            for (Enum<?> value : type.getEnumConstants()) {
                if (LabelCatalogue.entry(value) == null || blank(LabelCatalogue.entry(value).label())) {
                    missing.add(type.getSimpleName() + "." + value.name());
                }
            }
        }
        assertThat(missing).as("values shown without a label").isEmpty();
    }

    @Test
    void noLabelHintOrConsequenceIsACode() {
        LabelCatalogue.entries().forEach((value, entry) -> {
            assertThat(entry.label()).as("%s", value).doesNotContainPattern(CODE); // "C1" is the ambulance service's own word
            if (entry.hint() != null) {
                assertThat(entry.hint()).as("%s hint", value).doesNotContainPattern(CODE);
            }
            if (entry.consequence() != null) {
                assertThat(entry.consequence()).as("%s consequence", value).doesNotContainPattern(CODE).endsWith(".");
            }
        });
    }

    @Test
    void durationsReadAsWords() {
        assertThat(LabelCatalogue.duration("PT24H")).isEqualTo("24 hours");
        assertThat(LabelCatalogue.duration(Duration.ofMinutes(10))).isEqualTo("10 minutes");
        assertThat(LabelCatalogue.duration("PT1H30M")).isEqualTo("1 hour 30 minutes");
        assertThat(LabelCatalogue.duration("PT1H")).isEqualTo("1 hour");
        assertThat(LabelCatalogue.duration("P2D")).isEqualTo("2 days");
        assertThat(LabelCatalogue.duration("PT0S")).isEqualTo("0 seconds");
        assertThat(LabelCatalogue.duration("PT45S")).isEqualTo("45 seconds");
        assertThat(LabelCatalogue.duration("30 days")).as("not a duration: as written").isEqualTo("30 days");
        assertThat(LabelCatalogue.duration(null)).isEmpty();
    }

    @Test
    void aSentenceTheSystemWroteHasItsCodesInWords() {
        assertThat(LabelCatalogue.inWords("Referral to MENTAL_HEALTH, reason NOT_OUR_SERVICE"))
                .isEqualTo("Referral to mental health crisis team, reason not our service");
        assertThat(LabelCatalogue.inWords("Something SHOUTED_NEW_CODE")).isEqualTo("Something shouted new code");
        assertThat(LabelCatalogue.label(Category.class, "S136_HANDOVER")).isEqualTo("Section 136 handover");
        assertThat(LabelCatalogue.label(Agency.class, "NOT_AN_AGENCY")).isEqualTo("Not an agency");
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
