package dev.portcullis.ca.scep;

import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;

/** Single-valued SCEP attributes out of a signer's authenticated attributes. */
final class SignedAttributes {

    private final AttributeTable table;

    SignedAttributes(AttributeTable table) {
        this.table = table;
    }

    /** RFC 8894 says PrintableString; any string type is taken, as some clients differ. */
    Optional<String> string(ASN1ObjectIdentifier type) {
        return value(type).filter(ASN1String.class::isInstance).map(value -> ((ASN1String) value).getString());
    }

    Optional<byte[]> octets(ASN1ObjectIdentifier type) {
        return value(type).filter(ASN1OctetString.class::isInstance)
                .map(value -> ((ASN1OctetString) value).getOctets());
    }

    private Optional<ASN1Encodable> value(ASN1ObjectIdentifier type) {
        Attribute attribute = table.get(type);
        if (attribute == null || attribute.getAttrValues().size() != 1) {
            return Optional.empty();
        }
        return Optional.of(attribute.getAttrValues().getObjectAt(0));
    }
}
