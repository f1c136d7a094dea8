package org.rcrp.handover.intake;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who a call is about, by the subject's name: the one rule for "the same person" that the figures' re-contacts and the
 * previous contacts at triage share ({@link PreviousContacts}). The name is normalised: accents and case ignored,
 * apostrophes dropped, any other run of punctuation or spacing one space, titles (Mr, Mrs, Ms, Miss, Mx, Dr) dropped and
 * the words put in alphabetical order — so "J. Smith", "j smith", "SMITH, J" and "Mr J Smith" are one key, and "José
 * O'Neil" is "jose oneil". Callers' guesses at age vary, so age is not part of the key; it only tells two people of one
 * name apart when both calls give an age and they differ by more than {@code rcrp.metrics.recontact-age-years}.
 *
 * <p>A name that cannot tell people apart has no key, so that it never matches everything: nothing or punctuation; a
 * name that says it is not known ("Unknown", "unknown male", "N/K", "N/A", "not known", "no name", "anon"); a single
 * word ("John", "Mr Smith": too many people share one); and words that are no name at all — initials, titles and words
 * for a person ("Mr X", "J S", "Male", "his mum", "the resident").
 */
public final class PersonKey {

    /** Any of these words says the name is not known. */
    private static final Set<String> UNKNOWN = Set.of("unknown", "unk", "unidentified", "unnamed", "anon", "anonymous", "nk",
            "withheld", "refused", "tbc", "tba");
    /** Names that, whole, say the name is not known ("N/A", "none", "not given"…). */
    private static final Set<String> NO_NAME = Set.of("na", "n a", "none", "not given", "name not given", "not stated",
            "not applicable", "null", "xx", "xxx");
    /** Phrases that, anywhere in the name, say it is not known ("male, name not known"). */
    private static final Set<String> NOT_KNOWN = Set.of("not known", "no name", "n k");
    /** Titles: dropped from the key. */
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "miss", "mx", "dr");
    /** Words for a person that are no name ("Male", "Mum", "the resident"): a key needs some other word. */
    private static final Set<String> NOT_A_NAME = Set.of("male", "female", "man", "woman", "boy", "girl", "child", "baby",
            "person", "adult", "youth", "elderly", "lady", "gent", "gentleman", "the", "a", "an", "of", "his", "her", "their",
            "my", "resident", "patient", "tenant", "service", "user", "client", "caller", "subject", "neighbour", "friend",
            "mum", "mother", "dad", "father", "son", "daughter", "wife", "husband", "partner", "brother", "sister", "nan",
            "gran", "grandma", "grandmother", "grandad", "grandfather", "grandson", "granddaughter", "aunt", "uncle",
            "cousin", "carer", "parent", "family", "member", "staff", "unborn");

    private PersonKey() {
    }

    public static Optional<String> of(String subjectName) {
        if (subjectName == null) {
            return Optional.empty();
        }
        String normalised = Normalizer.normalize(subjectName, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("['\u2019`]", "")
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
        if (normalised.isEmpty()) {
            return Optional.empty();
        }
        String[] words = normalised.split(" ");
        if (Arrays.stream(words).anyMatch(UNKNOWN::contains)) {
            return Optional.empty();
        }
        String padded = " " + normalised + " ";
        if (NO_NAME.contains(normalised) || NOT_KNOWN.stream().anyMatch(phrase -> padded.contains(" " + phrase + " "))) {
            return Optional.empty();
        }
        List<String> named = Arrays.stream(words).filter(word -> !TITLES.contains(word)).sorted().toList();
        if (named.size() < 2 || named.stream().noneMatch(PersonKey::couldBeAName)) {
            return Optional.empty();
        }
        String key = String.join(" ", named);
        return Optional.of(key.length() <= 200 ? key : key.substring(0, 200));
    }

    private static boolean couldBeAName(String word) {
        return word.codePoints().filter(Character::isLetter).count() >= 2 && !TITLES.contains(word) && !NOT_A_NAME.contains(word);
    }
}
