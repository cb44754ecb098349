package dev.portcullis.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ViolationFieldsTest {

    @Test
    void camelCaseBecomesTheJsonFieldsSnakeCase() {
        assertEquals("org_name", ViolationFields.jsonName("orgName"));
        assertEquals("password_confirmation", ViolationFields.jsonName("passwordConfirmation"));
        assertEquals("no_team_conditional_access_enabled", ViolationFields.jsonName("noTeamConditionalAccessEnabled"));
        assertEquals("server_url", ViolationFields.jsonName("serverUrl"));
    }

    @Test
    void singleWordsAndSnakeCaseStayAsTheyAre() {
        assertEquals("name", ViolationFields.jsonName("name"));
        assertEquals("query", ViolationFields.jsonName("query"));
        assertEquals("org_name", ViolationFields.jsonName("org_name"));
    }

    @Test
    void acronymsAreOneWord() {
        assertEquals("acs_url", ViolationFields.jsonName("acsURL"));
        assertEquals("url", ViolationFields.jsonName("URL"));
        assertEquals("idp_id", ViolationFields.jsonName("idpID"));
        assertEquals("http_server", ViolationFields.jsonName("HTTPServer"));
    }
}
