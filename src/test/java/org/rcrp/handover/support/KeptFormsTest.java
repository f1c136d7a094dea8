package org.rcrp.handover.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** What is kept of a form sent after the session expired, for whom, and that it is given back once. */
class KeptFormsTest {

    @Test
    void theKeptFormsGoBackToTheirOwnPages() {
        assertThat(KeptForms.pageOf("/calls")).contains("/calls/new");
        assertThat(KeptForms.pageOf("/work/4f1c-22")).contains("/work/4f1c-22");
        assertThat(KeptForms.pageOf("/work/4f1c-22/triage")).contains("/work/4f1c-22/triage");
        assertThat(KeptForms.pageOf("/cases/abc/updates")).contains("/cases/abc");
        assertThat(KeptForms.pageOf("/login")).as("signing in is not kept").isEmpty();
        assertThat(KeptForms.pageOf("/work/4f1c-22/claim")).isEmpty();
        assertThat(KeptForms.pageOf("/work/..%2Fadmin")).isEmpty();
    }

    @Test
    void aFormFromOurOwnPageIsKeptWithoutItsTokenAndGivenBackOnce() {
        MockHttpServletRequest sent = post("/calls");
        sent.addHeader("Origin", "http://localhost:8080");
        sent.addParameter("_csrf", "old-token");
        sent.addParameter(KeptForms.OWNER, "handler1");
        sent.addParameter("summary", "Man on the bridge parapet");
        sent.addParameter("subject.knownTo", "MENTAL_HEALTH", "SOCIAL_CARE");

        assertThat(KeptForms.keep(sent)).contains("/calls/new");

        MockHttpServletRequest page = new MockHttpServletRequest("GET", "/calls/new");
        page.setSession(sent.getSession());
        page.setUserPrincipal(() -> "handler1");
        assertThat(KeptForms.take(page, "/work/other")).as("only for its own page").isEmpty();
        KeptForms.Kept kept = KeptForms.takeForThisPage(page).orElseThrow();
        assertThat(kept.fields().getFirst("summary")).isEqualTo("Man on the bridge parapet");
        assertThat(kept.fields().get("subject.knownTo")).containsExactly("MENTAL_HEALTH", "SOCIAL_CARE");
        assertThat(kept.fields()).doesNotContainKey("_csrf").doesNotContainKey(KeptForms.OWNER);
        assertThat(KeptForms.takeForThisPage(page)).as("once").isEmpty();
    }

    @Test
    void aFormFromAnotherSiteOrWithoutAnOriginIsNotKept() {
        MockHttpServletRequest forged = post("/calls");
        forged.addHeader("Origin", "https://attacker.example");
        forged.addParameter("summary", "planted");
        assertThat(KeptForms.keep(forged)).isEmpty();
        assertThat(forged.getSession(false)).isNull();

        MockHttpServletRequest noOrigin = post("/calls");
        noOrigin.addParameter("summary", "no origin");
        assertThat(KeptForms.keep(noOrigin)).isEmpty();

        MockHttpServletRequest sameSiteFetch = post("/work/t-1");
        sameSiteFetch.addHeader("Sec-Fetch-Site", "same-site");
        assertThat(KeptForms.keep(sameSiteFetch)).as("a sister site is another origin").isEmpty();

        MockHttpServletRequest sameOrigin = post("/work/t-1");
        sameOrigin.addHeader("Sec-Fetch-Site", "same-origin");
        assertThat(KeptForms.keep(sameOrigin)).as("a form that does not say whose it is").isEmpty();
        sameOrigin.addParameter(KeptForms.OWNER, "mhcrisis1");
        assertThat(KeptForms.keep(sameOrigin)).contains("/work/t-1");
    }

    @Test
    void onASharedTerminalWhatOnePersonTypedNeverReachesTheNextPersonToSignIn() {
        MockHttpServletRequest sent = post("/calls");
        sent.addHeader("Sec-Fetch-Site", "same-origin");
        sent.addParameter(KeptForms.OWNER, "handler1");
        sent.addParameter("caller.phone", "07700 900123");
        assertThat(KeptForms.keep(sent)).contains("/calls/new");

        MockHttpServletRequest nextPerson = new MockHttpServletRequest("GET", "/calls/new");
        nextPerson.setSession(sent.getSession());
        nextPerson.setUserPrincipal(() -> "handler2");
        assertThat(KeptForms.takeForThisPage(nextPerson)).isEmpty();

        MockHttpServletRequest owner = new MockHttpServletRequest("GET", "/calls/new");
        owner.setSession(sent.getSession());
        owner.setUserPrincipal(() -> "handler1");
        assertThat(KeptForms.takeForThisPage(owner)).as("dropped once someone else signed in here").isEmpty();
    }

    private static MockHttpServletRequest post(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setServerName("localhost");
        request.setServerPort(8080);
        return request;
    }
}
