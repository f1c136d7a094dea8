package org.rcrp.handover.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A notice to a partner can carry no contact details: it has no field for any (a grant shows them on the case only). */
class NoticeCarriesNoContactTest {

    @Test
    void aNoticeHasNoFieldForTheCallerTheFamilyOrAPhone() {
        assertThat(Arrays.stream(Notice.class.getRecordComponents()).map(RecordComponent::getName).map(String::toLowerCase))
                .noneMatch(name -> name.contains("caller") || name.contains("family") || name.contains("phone")
                        || name.contains("contact") || name.contains("subject"));
    }
}
