package org.rcrp.handover.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The caller's number as one key: one number however it is written, and no key for what is no number. */
class PhoneKeyTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "07700 900123 | 07700900123",
            "07700-900-123 | 07700900123",
            "+44 7700 900123 | 07700900123",
            "+44 (0)7700 900123 | 07700900123",
            "0044 7700 900123 | 07700900123",
            "447700900123 | 07700900123",
            "(01632) 960001 | 01632960001",
            "01632 960001 ext 23 | 01632960001",
            "mobile: 07700 900123 or 01632 960001 | 07700900123",
            "+33 1 23 45 67 89 | 0033123456789",
            "020 7946 0000 | 02079460000"})
    void theSameNumberHowEverItIsWritten(String phone, String key) {
        assertThat(PhoneKey.of(phone)).contains(key);
    }

    @ParameterizedTest(name = "\"{0}\" has no key")
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "withheld", "unknown", "999", "101", "111", "ext 2345", "0161 496", "00000 000000",
            "1111111111", "+44", "123456789012345678"})
    void whatIsNoNumberHasNoKeySoItNeverMatchesEverything(String phone) {
        assertThat(PhoneKey.of(phone)).isEmpty();
    }
}
