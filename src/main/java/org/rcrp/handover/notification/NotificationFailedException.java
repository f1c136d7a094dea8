package org.rcrp.handover.notification;

/** A notice did not reach the agency on one of its channels; the engine retries the step. */
public class NotificationFailedException extends RuntimeException {

    public NotificationFailedException(String message) {
        super(message);
    }

    public NotificationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
