package org.rcrp.handover.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.rcrp.handover.process.Agency;
import org.rcrp.handover.process.Category;

/** An email is read by a person: no code, no key and no {@code null} in its subject or text, whatever the notice. */
class NoticeMessageTest {

    private static final String CODE = "\\b[A-Z]+_[A-Z_]+\\b";

    @Test
    void everyNoticeReadsInWords() {
        for (Notice.Kind kind : Notice.Kind.values()) {
            for (Category category : Category.values()) {
                for (Agency agency : Agency.values()) {
                    Notice notice = new Notice("delivery-1", kind, "case-1", "CAD-20261207-0001", category.name(), agency.name(),
                            Instant.parse("2026-12-07T14:02:00Z"), "Stood down: police took the case back from MENTAL_HEALTH.");
                    String text = NoticeMessage.text(notice, "https://rcrp.example/cases/case-1");
                    assertThat(text).as("%s %s %s", kind, category, agency).doesNotContainPattern(CODE)
                            .doesNotContainPattern("\\bnull\\b");
                    assertThat(NoticeMessage.subject(notice)).doesNotContainPattern(CODE).doesNotContainPattern("\\bnull\\b");
                }
            }
        }
    }

    @Test
    void theEmailSaysTheCategoryAgencyAndDueTimeInWords() {
        Notice notice = new Notice("delivery-1", Notice.Kind.REFERRAL_MADE, "case-1", "CAD-1", "CONCERN_FOR_WELFARE",
                "MENTAL_HEALTH", Instant.parse("2026-12-07T14:02:00Z"), "A referral is waiting for your agency to accept or reject.");
        assertThat(NoticeMessage.text(notice, "https://rcrp.example/cases/case-1"))
                .contains("Category:  Concern for welfare", "Agency:    Mental health crisis team",
                        "Notice:    Referral for your agency", "Due:       Mon 7 Dec 2026, 14:02 GMT");
        assertThat(NoticeMessage.fields(notice, "link", Instant.EPOCH)).as("the webhook keeps the codes, for machines")
                .containsEntry("category", "CONCERN_FOR_WELFARE").containsEntry("kind", "REFERRAL_MADE");
    }

    @Test
    void anS136NoticeWithoutACategoryLeavesTheLineOut() {
        Notice notice = new Notice(Notice.Kind.HANDOVER_OVERDUE, "case-1", "CAD-1", null, "HOSPITAL", "s136 handover not accepted.");
        assertThat(NoticeMessage.text(notice, "link")).doesNotContain("Category").doesNotContainPattern("\\bnull\\b");
    }
}
