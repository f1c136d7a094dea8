package org.rcrp.handover.notification;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** What goes over the wire, email and webhook alike: the notice's minimum fields and the link to the case. */
final class NoticeMessage {

    private NoticeMessage() {
    }

    static Map<String, Object> fields(Notice notice, String link, Instant sentAt) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", notice.id());
        fields.put("kind", notice.kind().name());
        fields.put("caseId", notice.caseId());
        fields.put("reference", notice.callReference());
        fields.put("category", notice.category());
        fields.put("agency", notice.agency());
        fields.put("due", notice.due() == null ? null : notice.due().toString());
        fields.put("link", link);
        fields.put("text", notice.text());
        fields.put("sentAt", sentAt.toString());
        return fields;
    }

    static String subject(Notice notice) {
        String what = switch (notice.kind()) {
            case REFERRAL_MADE -> "Referral for your agency";
            case REFERRAL_REMINDER -> "Reminder: referral waiting";
            case REFERRAL_ESCALATED -> "Escalated: referral not answered in time";
            case OUTCOME_OVERDUE -> "Overdue: referral outcome";
            case HANDOVER_OVERDUE -> "Overdue: s136 handover";
            case INFORMED -> "For information: a case about someone known to your agency";
            case STOOD_DOWN -> "Stood down: your agency is no longer needed on this case";
            case POLICE_ADDED -> "Police added: risk has risen on a case your agency holds";
        };
        return "[RCRP] " + what + " " + notice.callReference();
    }

    static String text(Notice notice, String link) {
        StringBuilder body = new StringBuilder(notice.text()).append("\n\n");
        body.append("Reference: ").append(notice.callReference()).append('\n');
        body.append("Category:  ").append(notice.category()).append('\n');
        body.append("Agency:    ").append(notice.agency()).append('\n');
        body.append("Notice:    ").append(notice.kind()).append('\n');
        if (notice.due() != null) {
            body.append("Due:       ").append(notice.due()).append('\n');
        }
        body.append("\nOpen the case (sign in): ").append(link).append('\n');
        body.append("\nThis message carries no personal details by design; they are shared on the case page only.\n");
        if (notice.id() != null) {
            body.append("Delivery id: ").append(notice.id()).append('\n');
        }
        return body.toString();
    }
}
