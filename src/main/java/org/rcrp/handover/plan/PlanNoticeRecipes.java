package org.rcrp.handover.plan;

import java.util.List;
import org.rcrp.handover.journal.DecisionLog;
import org.rcrp.handover.notification.NoticeRecipe;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plan's stand-down notice kinds ({@link StandDownNotice}); INFORMED is {@link InformedNotice}. */
@Configuration(proxyBeanMethods = false)
public class PlanNoticeRecipes {

    /** The stand-down kinds, for a plain engine (process tests). */
    public static List<NoticeRecipe> standDowns(ResponseLedger ledger, DecisionLog journal, CaseReferrals referrals) {
        return List.of(StandDownNotice.cancelled(ledger, journal, referrals), StandDownNotice.onClose(ledger, journal, referrals),
                StandDownNotice.referral(ledger, journal));
    }

    @Bean
    NoticeRecipe standDownCancelledNotice(ResponseLedger ledger, DecisionLog journal, CaseReferrals referrals) {
        return StandDownNotice.cancelled(ledger, journal, referrals);
    }

    @Bean
    NoticeRecipe standDownOnCloseNotice(ResponseLedger ledger, DecisionLog journal, CaseReferrals referrals) {
        return StandDownNotice.onClose(ledger, journal, referrals);
    }

    @Bean
    NoticeRecipe standDownReferralNotice(ResponseLedger ledger, DecisionLog journal) {
        return StandDownNotice.referral(ledger, journal);
    }
}
