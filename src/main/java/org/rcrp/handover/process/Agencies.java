package org.rcrp.handover.process;

import org.springframework.stereotype.Component;

/** Agency to candidate group, for the BPMN models ({@code ${agencies.candidateGroup(agency)}}). */
@Component("agencies")
public class Agencies {

    public String candidateGroup(Object agency) {
        if (agency == null) {
            throw new IllegalArgumentException("A referral needs an agency");
        }
        Agency value = Agency.valueOf(agency.toString());
        if (!value.takesReferrals()) {
            throw new IllegalArgumentException("Agency " + value + " does not take referrals");
        }
        return value.candidateGroup().orElseThrow();
    }
}
