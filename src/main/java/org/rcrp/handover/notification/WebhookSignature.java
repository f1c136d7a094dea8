package org.rcrp.handover.notification;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature: {@code X-RCRP-Signature: sha256=<lower-case hex of HMAC-SHA256(secret, timestamp + "." + body)>},
 * where timestamp is the {@code X-RCRP-Timestamp} header (Unix seconds) and body the exact bytes sent
 * (UTF-8 JSON). A receiver recomputes it, compares in constant time, and refuses timestamps more than
 * five minutes from its own clock (replays).
 */
public final class WebhookSignature {

    public static final String TIMESTAMP_HEADER = "X-RCRP-Timestamp";
    public static final String SIGNATURE_HEADER = "X-RCRP-Signature";
    public static final String DELIVERY_HEADER = "X-RCRP-Delivery";
    public static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            throw new IllegalStateException("HmacSHA256 unavailable", impossible);
        }
    }

    /** What a receiver does (and our tests do): the signature matches and the timestamp is recent. */
    public static boolean verify(String secret, String timestampHeader, String signatureHeader, String body,
                                 long nowSeconds, long toleranceSeconds) {
        if (timestampHeader == null || signatureHeader == null) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader);
        } catch (NumberFormatException notANumber) {
            return false;
        }
        if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) {
            return false;
        }
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signatureHeader.getBytes(StandardCharsets.US_ASCII));
    }
}
