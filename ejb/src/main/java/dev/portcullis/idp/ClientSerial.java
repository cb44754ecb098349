package dev.portcullis.idp;

import java.math.BigInteger;

/** Where the sign-in's client certificate serial came from, as the HTTP layer found it. */
public sealed interface ClientSerial {

    /** From X-Client-Cert-Serial, sent by a trusted proxy; written in the configured format. */
    record FromProxyHeader(String text) implements ClientSerial {
    }

    /** From the TLS session, when this server terminated mTLS and the certificate chains to our CA. */
    record FromTls(BigInteger serial) implements ClientSerial {
    }

    record Missing(String why) implements ClientSerial {
    }
}
