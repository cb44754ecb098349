package dev.portcullis.ca;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/** Reads what a device put into its PKCS#10 request: requested extensions, device UUID, challenge. */
final class CertificationRequestContents {

    static final String DEVICE_UUID_URI_PREFIX = "urn:device:apple:uuid:";
    // Macs send an RFC 4122 UUID; iPhones and iPads send hardware UDIDs such as
    // 00008030-001A35E90C38802E or 40 hex digits. Hex groups joined by single dashes covers all.
    private static final Pattern DEVICE_ID = Pattern.compile("[0-9A-F]+(-[0-9A-F]+)*");
    private static final int MIN_DEVICE_ID_LENGTH = 16;
    private static final int MAX_DEVICE_ID_LENGTH = 64;

    private CertificationRequestContents() {
    }

    static Optional<Extension> requestedExtension(PKCS10CertificationRequest csr, ASN1ObjectIdentifier extensionId) {
        return Arrays.stream(csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest))
                .flatMap(attribute -> Arrays.stream(attribute.getAttributeValues()))
                .map(Extensions::getInstance)
                .map(extensions -> extensions.getExtension(extensionId))
                .filter(extension -> extension != null)
                .findFirst();
    }

    static Optional<String> deviceUuid(PKCS10CertificationRequest csr) {
        return requestedExtension(csr, Extension.subjectAlternativeName)
                .map(extension -> GeneralNames.getInstance(extension.getParsedValue()))
                .flatMap(names -> Arrays.stream(names.getNames())
                        .filter(name -> name.getTagNo() == GeneralName.uniformResourceIdentifier)
                        .map(name -> ((ASN1String) name.getName()).getString())
                        .filter(uri -> uri.regionMatches(true, 0, DEVICE_UUID_URI_PREFIX, 0,
                                DEVICE_UUID_URI_PREFIX.length()))
                        .map(uri -> uri.substring(DEVICE_UUID_URI_PREFIX.length()).toUpperCase(Locale.ROOT))
                        .filter(CertificationRequestContents::looksLikeDeviceId)
                        .findFirst());
    }

    private static boolean looksLikeDeviceId(String id) {
        return id.length() >= MIN_DEVICE_ID_LENGTH && id.length() <= MAX_DEVICE_ID_LENGTH
                && DEVICE_ID.matcher(id).matches();
    }

    /** Any ASN.1 string type: DirectoryString choices, and the IA5String some clients send. */
    static Optional<String> challengePassword(PKCS10CertificationRequest csr) {
        for (Attribute attribute : csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_challengePassword)) {
            for (ASN1Encodable value : attribute.getAttributeValues()) {
                if (value instanceof ASN1String string) {
                    return Optional.of(string.getString());
                }
            }
        }
        return Optional.empty();
    }
}
