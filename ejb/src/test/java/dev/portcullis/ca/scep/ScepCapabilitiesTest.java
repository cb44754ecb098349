package dev.portcullis.ca.scep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.ca.CertificateAuthorityFactory;
import dev.portcullis.ca.KeyPairAndCertificate;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import org.jscep.transport.response.Capabilities;
import org.jscep.transport.response.Capability;
import org.jscep.transport.response.GetCaCapsResponseHandler;
import org.junit.jupiter.api.Test;

class ScepCapabilitiesTest {

    @Test
    void advertisesPostAesSha2AndRenewalInRfc8894Keywords() {
        assertEquals("POSTPKIOperation\nSHA-256\nSHA-512\nAES\nDES3\nSCEPStandard\nRenewal", ScepCapabilities.text());
    }

    @Test
    void jscepUnderstandsEveryKeyword() throws Exception {
        Capabilities capabilities = new GetCaCapsResponseHandler()
                .getResponse(ScepCapabilities.text().getBytes(StandardCharsets.US_ASCII), ScepCapabilities.MEDIA_TYPE);

        for (Capability expected : EnumSet.of(Capability.POST_PKI_OPERATION, Capability.SHA_256,
                Capability.SHA_512, Capability.AES, Capability.TRIPLE_DES, Capability.SCEP_STANDARD,
                Capability.RENEWAL)) {
            assertTrue(capabilities.contains(expected), "jscep sees " + expected);
        }
        assertEquals("SHA-512", capabilities.getStrongestMessageDigest().getAlgorithm());
        assertEquals("AES", capabilities.getStrongestCipher());
    }

    @Test
    void servesTheCaCertificateAsDer() throws Exception {
        KeyPairAndCertificate ca = new CertificateAuthorityFactory().createScepCa("Portcullis SCEP CA", Instant.now());

        assertArrayEquals(ca.certificate().getEncoded(), ScepCaCertificates.body(ca.certificate()));
    }
}
