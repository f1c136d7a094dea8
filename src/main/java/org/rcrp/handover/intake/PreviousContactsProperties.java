package org.rcrp.handover.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How far back and how many previous contacts a case shows ({@code rcrp.previous-contacts.*}, each with its environment
 * variable by Spring's relaxed binding: {@code RCRP_PREVIOUSCONTACTS_LOOKBACK}, {@code RCRP_PREVIOUSCONTACTS_LIMIT}).
 *
 * @param lookback other calls about the person logged this long before the case (or since) are its previous contacts
 * @param limit the most a case shows, newest first
 */
@ConfigurationProperties("rcrp.previous-contacts")
public record PreviousContactsProperties(@DefaultValue("P30D") Duration lookback, @DefaultValue("10") int limit) {

    public static final int MOST = 50;

    public PreviousContactsProperties {
        if (lookback == null || lookback.isNegative() || lookback.isZero()) {
            throw new IllegalArgumentException("rcrp.previous-contacts.lookback must be a positive duration, not " + lookback);
        }
        if (limit < 1 || limit > MOST) {
            throw new IllegalArgumentException("rcrp.previous-contacts.limit must be between 1 and " + MOST + ", not " + limit);
        }
    }
}
