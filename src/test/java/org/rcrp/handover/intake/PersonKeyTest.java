package org.rcrp.handover.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Who a call is about, by name: one person however the name is written, and no key for a name that tells nobody apart. */
class PersonKeyTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "J. Smith | j smith",
            "j  smith | j smith",
            "SMITH, J | j smith",
            "Mr J Smith | j smith",
            "Smith-Jones, Mary | jones mary smith",
            "José O'Neil | jose oneil",
            "JOSE O’NEIL | jose oneil",
            "  Zoë   Ångström  | angstrom zoe",
            "Mrs Mary O'Brien | mary obrien",
            "Dr. Ann Lee | ann lee",
            "the resident, Ann Lee | ann lee resident the"})
    void theSamePersonHowEverTheNameIsWritten(String name, String key) {
        assertThat(PersonKey.of(name)).contains(key);
    }

    @ParameterizedTest(name = "\"{0}\" has no key")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "?", "--", "Unknown", "UNKNOWN MALE", "unknown female, 40s", "Male unknown", "N/K", "nk", "N.K.",
            "Not known", "name not known", "No name", "N/A", "NA", "none", "Not given", "anon", "Anonymous", "refused",
            "withheld", "TBC", "xxx", "Mr X", "J", "J S", "John", "Mr Smith", "Male", "female adult", "his mum", "Her Dad",
            "the resident", "Patient", "Baby", "0 person"})
    void aNameThatTellsNobodyApartHasNoKeySoItNeverMatchesEverything(String name) {
        assertThat(PersonKey.of(name)).isEmpty();
    }

    @ParameterizedTest(name = "{0} is not {1}")
    @CsvSource(delimiter = '|', value = {"J Smith | John Smith", "Mary Smith | Mary Smyth", "Ann Lee | Anne Lee"})
    void aDifferentSpellingOfTheNameItselfIsAnotherKey(String one, String other) {
        assertThat(PersonKey.of(one)).isPresent().isNotEqualTo(PersonKey.of(other));
    }

    @org.junit.jupiter.api.Test
    void aVeryLongNameIsCutToItsColumn() {
        assertThat(PersonKey.of("Ann " + "b".repeat(300)).orElseThrow()).hasSize(200);
    }
}
