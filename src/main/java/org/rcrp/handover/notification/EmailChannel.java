package org.rcrp.handover.notification;

import java.util.Arrays;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Email over SMTP (Spring Mail; {@code spring.mail.host} etc.) to the agency's configured addresses. */
@Component
class EmailChannel {

    private final ObjectProvider<JavaMailSender> mailSender;
    private final NotificationProperties properties;

    EmailChannel(ObjectProvider<JavaMailSender> mailSender, NotificationProperties properties) {
        this.mailSender = mailSender;
        this.properties = properties;
        boolean anyEmail = properties.agencies().values().stream().anyMatch(NotificationProperties.Contact::hasEmail);
        if (anyEmail && mailSender.getIfAvailable() == null) {
            // Fail at start, not at the first referral: an address with no SMTP server would be a notice never sent.
            throw new IllegalStateException("rcrp.agencies.*.email is set but no SMTP server is: set spring.mail.host (MAIL_HOST)");
        }
    }

    void send(Notice notice, NotificationProperties.Contact contact) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.notifications().emailFrom());
        message.setTo(Arrays.stream(contact.email().split(",")).map(String::trim).filter(address -> !address.isEmpty())
                .toArray(String[]::new));
        message.setSubject(NoticeMessage.subject(notice));
        message.setText(NoticeMessage.text(notice, properties.caseLink(notice.caseId())));
        try {
            mailSender.getObject().send(message);
        } catch (MailException failed) {
            throw new NotificationFailedException("email to " + notice.agency() + " failed: " + failed.getMessage(), failed);
        }
    }
}
