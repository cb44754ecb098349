package dev.portcullis.idp.saml;

import java.util.Map;
import java.util.Set;

import org.opensaml.xmlsec.signature.support.SignatureConstants;

/** The signature and digest algorithms we accept from Okta: RSA with SHA-256 or SHA-512, never SHA-1. */
final class SignatureAlgorithms {

    private static final Map<String, String> RSA_SIGNATURES = Map.of(
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256, "SHA256withRSA",
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA512, "SHA512withRSA");

    private static final Set<String> DIGESTS = Set.of(
            SignatureConstants.ALGO_ID_DIGEST_SHA256,
            SignatureConstants.ALGO_ID_DIGEST_SHA512);

    private SignatureAlgorithms() {
    }

    /** The JCA name for an accepted signature algorithm URI. */
    static String jcaSignatureName(String algorithmUri) throws SamlRequestException {
        String name = algorithmUri == null ? null : RSA_SIGNATURES.get(algorithmUri);
        if (name == null) {
            throw new SamlRequestException("signature algorithm not accepted (use RSA-SHA256 or RSA-SHA512)");
        }
        return name;
    }

    static void requireAcceptedDigest(String digestUri) throws SamlRequestException {
        if (digestUri == null || !DIGESTS.contains(digestUri)) {
            throw new SamlRequestException("digest algorithm not accepted (use SHA-256 or SHA-512)");
        }
    }
}
