package dev.portcullis.idp;

/** The IdP's public URLs, as the administrator pastes them into Okta. */
public record IdpEndpoints(String entityId, String ssoUrl, String serverUrl) {

    public static final String METADATA_PATH = "/api/fleet/conditional_access/idp/metadata";
    public static final String SSO_PATH = "/api/fleet/conditional_access/idp/sso";

    public static IdpEndpoints of(String serverUrl, String ssoBaseUrl) {
        return new IdpEndpoints(serverUrl + METADATA_PATH, ssoBaseUrl + SSO_PATH, serverUrl);
    }

    public String devicePoliciesUrl(String deviceToken) {
        return serverUrl + "/device/" + deviceToken + "/policies";
    }
}
