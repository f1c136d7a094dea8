package org.rcrp.handover.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes every notice to the application log (logger {@code rcrp.notifications}), where the
 * control room's log shipping picks it up; {@link AgencyNotifier} calls it before email and webhook.
 */
@Component
public class LogNotifier implements Notifier {

    private static final Logger LOG = LoggerFactory.getLogger("rcrp.notifications");

    @Override
    public void send(Notice notice) {
        LOG.info("notice id={} kind={} case={} reference={} category={} agency={} due={} text=\"{}\"", notice.id(), notice.kind(),
                notice.caseId(), notice.callReference(), notice.category(), notice.agency(), notice.due(), notice.text());
    }
}
