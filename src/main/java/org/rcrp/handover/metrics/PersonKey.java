package org.rcrp.handover.metrics;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * Who a call is about, for "repeat contact about the same person within 24 h": the subject's name,
 * normalised: accents and case ignored, apostrophes dropped, any other run of punctuation or spacing one
 * space — so "J. Smith", "j smith" and "J  Smith" are one person, and "José O'Neil" is "jose oneil". Callers' guesses at age vary, so age is not part of the key; it only tells two people
 * of one name apart when both calls give an age and they differ by more than
 * {@code rcrp.metrics.recontact-age-years}. A call without a name is never a re-contact.
 */
public final class PersonKey {

    private PersonKey() {
    }

    public static Optional<String> of(String subjectName) {
        if (subjectName == null) {
            return Optional.empty();
        }
        String key = Normalizer.normalize(subjectName, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("['\u2019`]", "")
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(key.length() <= 200 ? key : key.substring(0, 200));
    }
}
