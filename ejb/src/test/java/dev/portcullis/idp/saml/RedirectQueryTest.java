package dev.portcullis.idp.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RedirectQueryTest {

    @Test
    void signedOctetsAreTheRawValuesInSpecOrder() throws Exception {
        RedirectQuery query = RedirectQuery.parse(
                "Signature=c2ln&SigAlg=http%3A%2F%2Fx&foo=bar&RelayState=a+b%26c&SAMLRequest=ab%2Bc%3D");

        assertEquals("SAMLRequest=ab%2Bc%3D&RelayState=a+b%26c&SigAlg=http%3A%2F%2Fx", query.signedOctets());
        assertEquals("a b&c", query.decoded(RedirectQuery.RELAY_STATE));
        assertEquals("http://x", query.decoded(RedirectQuery.SIG_ALG));
    }

    @Test
    void leavesAbsentParametersOutOfTheSignedOctets() throws Exception {
        RedirectQuery query = RedirectQuery.parse("?SAMLRequest=abc");

        assertEquals("SAMLRequest=abc", query.signedOctets());
        assertNull(query.decoded(RedirectQuery.RELAY_STATE));
    }

    @Test
    void keepsAnUnescapedPlusInBase64() throws Exception {
        // Some senders leave '+' unescaped; form decoding would turn it into a space.
        assertEquals("ab+c+d", RedirectQuery.parse("SAMLRequest=ab+c%2Bd").decodedBase64(RedirectQuery.SAML_REQUEST));
    }

    @Test
    void refusesBrokenEscapes() throws Exception {
        RedirectQuery query = RedirectQuery.parse("SAMLRequest=abc&RelayState=%zz");
        assertThrows(SamlRequestException.class, () -> query.decoded(RedirectQuery.RELAY_STATE));
    }
}
