package org.rcrp.handover.intake;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The caller's phone number as one key, for previous contacts made from the same number ({@link PreviousContacts}): the
 * first number in the field, its digits only, written the UK way — "+44 (0)7700 900123", "0044 7700 900123",
 * "447700900123" and "07700-900 123" are all "07700900123"; another country's "+33 1 23 45 67 89" is "0033123456789".
 * Anything after the number ("ext 23", a second number) is not part of it. A field with no number of at least ten
 * digits ("withheld", "999", "101", a bare extension) or one digit over and over ("00000 000000") has no key, so that it
 * never matches everything.
 *
 * <p>A number is not a person: a care home, a hostel, a ward or a family shares one. A match by phone is shown as such.
 */
public final class PhoneKey {

    /** The first run that looks like a phone number: digits with spaces, dots, dashes and brackets between them. */
    private static final Pattern NUMBER = Pattern.compile("\\+?\\s*\\d[\\d\\s().\\-]*\\d");
    private static final int SHORTEST = 10;
    private static final int LONGEST = 17;

    private PhoneKey() {
    }

    public static Optional<String> of(String phone) {
        if (phone == null) {
            return Optional.empty();
        }
        Matcher number = NUMBER.matcher(phone.replace("(0)", ""));
        if (!number.find()) {
            return Optional.empty();
        }
        String written = number.group();
        String digits = written.replaceAll("\\D", "");
        String key;
        if (written.startsWith("+")) {
            key = digits.startsWith("44") ? "0" + digits.substring(2) : "00" + digits;
        } else if (digits.startsWith("0044")) {
            key = "0" + digits.substring(4);
        } else if (digits.startsWith("44") && digits.length() == 12) {
            key = "0" + digits.substring(2);
        } else {
            key = digits;
        }
        if (key.length() < SHORTEST || key.length() > LONGEST || key.chars().distinct().count() == 1) {
            return Optional.empty();
        }
        return Optional.of(key);
    }
}
