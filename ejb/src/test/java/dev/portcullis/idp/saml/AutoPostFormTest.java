package dev.portcullis.idp.saml;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AutoPostFormTest {

    @Test
    void postsResponseAndRelayStateToTheAcsUrl() {
        String html = AutoPostForm.render("https://example.okta.com/sso/saml2/0oa1", "PHNhbWw+", "relay");

        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<form method=\"post\" action=\"https://example.okta.com/sso/saml2/0oa1\">"));
        assertTrue(html.contains("name=\"SAMLResponse\" value=\"PHNhbWw+\""));
        assertTrue(html.contains("name=\"RelayState\" value=\"relay\""));
        assertTrue(html.contains("<script>" + AutoPostForm.SUBMIT_SCRIPT + "</script>"));
        assertTrue(html.contains("<noscript>"));
    }

    @Test
    void escapesEveryValue() {
        String html = AutoPostForm.render("https://x.example/acs?a=1&b=\"2\"", "x", "\"><script>alert('x')</script>");

        assertTrue(html.contains("action=\"https://x.example/acs?a=1&amp;b=&quot;2&quot;\""));
        assertTrue(html.contains("value=\"&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;\""));
        assertFalse(html.contains("<script>alert"));
    }

    @Test
    void leavesOutAnAbsentRelayState() {
        assertFalse(AutoPostForm.render("https://x.example/acs", "x", null).contains("RelayState"));
    }
}
