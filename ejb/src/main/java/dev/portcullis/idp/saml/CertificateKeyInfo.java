package dev.portcullis.idp.saml;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

import org.opensaml.xmlsec.signature.KeyInfo;
import org.opensaml.xmlsec.signature.X509Data;

/** A {@code <ds:KeyInfo>} carrying one certificate, base64 on a single line (no "&#13;" or wrapping). */
final class CertificateKeyInfo {

    private CertificateKeyInfo() {
    }

    static KeyInfo of(X509Certificate certificate) {
        org.opensaml.xmlsec.signature.X509Certificate element =
                SamlXml.build(org.opensaml.xmlsec.signature.X509Certificate.DEFAULT_ELEMENT_NAME);
        try {
            element.setValue(Base64.getEncoder().encodeToString(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
        X509Data data = SamlXml.build(X509Data.DEFAULT_ELEMENT_NAME);
        data.getX509Certificates().add(element);
        KeyInfo keyInfo = SamlXml.build(KeyInfo.DEFAULT_ELEMENT_NAME);
        keyInfo.getX509Datas().add(data);
        return keyInfo;
    }
}
