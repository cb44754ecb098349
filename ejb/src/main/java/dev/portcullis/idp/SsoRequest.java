package dev.portcullis.idp;

/** A sign-in as it arrived: the binding's raw message and the client certificate serial. */
public record SsoRequest(Binding binding, String samlRequest, String rawQuery, String relayState, ClientSerial serial) {

    public enum Binding { POST, REDIRECT }

    public static SsoRequest post(String samlRequest, String relayState, ClientSerial serial) {
        return new SsoRequest(Binding.POST, samlRequest, null, relayState, serial);
    }

    public static SsoRequest redirect(String rawQuery, ClientSerial serial) {
        return new SsoRequest(Binding.REDIRECT, null, rawQuery, null, serial);
    }
}
