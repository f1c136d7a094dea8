package org.rcrp.handover.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Category;
import org.rcrp.handover.process.LabelCatalogue;
import java.util.LinkedHashMap;
import java.util.Map;

/** What goes over the wire, email and webhook alike: the notice's minimum fields and the link to the case. */
final class NoticeMessage {

    /** When a notice is due, on the force's clock and saying which: "Mon 7 Dec 2026, 14:02 GMT". */
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

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
        return "[RCRP] " + what(notice.kind()) + " " + notice.callReference();
    }

    /** What kind of notice it is, in words (the webhook's {@code kind} keeps the code, for machines). */
    static String what(Notice.Kind kind) {
        return switch (kind) {
            case REFERRAL_MADE -> "Referral for your agency";
            case REFERRAL_REMINDER -> "Reminder: referral waiting";
            case REFERRAL_ESCALATED -> "Escalated: referral not answered in time";
            case OUTCOME_OVERDUE -> "Overdue: referral outcome";
            case HANDOVER_OVERDUE -> "Overdue: s136 handover";
            case INFORMED -> "For information: a case about someone known to your agency";
            case STOOD_DOWN -> "Stood down: your agency is no longer needed on this case";
            case POLICE_ADDED -> "Police added: risk has risen on a case your agency holds";
        };
    }

    /** The email's text: every value in words, the due time on the force's clock (the webhook's fields keep the codes). */
    static String text(Notice notice, String link) {
        StringBuilder body = new StringBuilder(LabelCatalogue.inWords(notice.text())).append("\n\n");
        body.append("Reference: ").append(notice.callReference()).append('\n');
        if (notice.category() != null && !"null".equals(notice.category())) {
            body.append("Category:  ").append(LabelCatalogue.label(Category.class, notice.category())).append('\n');
        }
        body.append("Agency:    ").append(LabelCatalogue.label(Agency.class, notice.agency())).append('\n');
        body.append("Notice:    ").append(what(notice.kind())).append('\n');
        if (notice.due() != null) {
            body.append("Due:       ").append(DUE.format(notice.due())).append('\n');
        }
        body.append("\nOpen the case (sign in): ").append(link).append('\n');
        body.append("\nThis message carries no personal details by design; they are shared on the case page only.\n");
        if (notice.id() != null) {
            body.append("Delivery id: ").append(notice.id()).append('\n');
        }
        return body.toString();
    }
}
