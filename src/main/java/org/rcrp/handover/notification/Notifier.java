package org.rcrp.handover.notification;

/**
 * Sends a notice to an agency. Called from asynchronous service tasks: throwing makes the engine
 * retry the step, so an implementation must throw when the notice did not go out.
 */
public interface Notifier {

    void send(Notice notice);
}
