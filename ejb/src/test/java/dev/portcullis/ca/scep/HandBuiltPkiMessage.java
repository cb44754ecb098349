package dev.portcullis.ca.scep;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * pkiMessages jscep cannot build (it has no RenewalReq) or would never send (missing
 * attributes), put together with plain BouncyCastle CMS.
 */
final class HandBuiltPkiMessage {

    private HandBuiltPkiMessage() {
    }

    /** A null transactionId or nonce leaves that attribute out. */
    static byte[] build(String messageType, String transactionId, byte[] senderNonce, PKCS10CertificationRequest csr,
            PrivateKey signerKey, X509Certificate signerCertificate, X509Certificate caCertificate) throws Exception {
        CMSEnvelopedDataGenerator envelope = new CMSEnvelopedDataGenerator();
        envelope.addRecipientInfoGenerator(new JceKeyTransRecipientInfoGenerator(caCertificate));
        byte[] enveloped = envelope.generate(new CMSProcessableByteArray(csr.getEncoded()),
                new JceCMSContentEncryptorBuilder(NISTObjectIdentifiers.id_aes128_CBC).build()).getEncoded();

        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(new Attribute(ScepObjectIdentifiers.MESSAGE_TYPE, new DERSet(new DERPrintableString(messageType))));
        if (transactionId != null) {
            attributes.add(new Attribute(ScepObjectIdentifiers.TRANSACTION_ID,
                    new DERSet(new DERPrintableString(transactionId))));
        }
        if (senderNonce != null) {
            attributes.add(new Attribute(ScepObjectIdentifiers.SENDER_NONCE, new DERSet(new DEROctetString(senderNonce))));
        }
        var signerInfo = new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(signerKey), signerCertificate);
        CMSSignedDataGenerator signed = new CMSSignedDataGenerator();
        signed.addSignerInfoGenerator(signerInfo);
        signed.addCertificate(new JcaX509CertificateHolder(signerCertificate));
        return signed.generate(new CMSProcessableByteArray(enveloped), true).getEncoded();
    }
}
