package dev.portcullis.ca.scep;

import dev.portcullis.ca.CryptoProvider;
import dev.portcullis.ca.KeyPairAndCertificate;
import java.io.IOException;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSEnvelopedDataGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Writes CertRep pkiMessages (RFC 8894 section 3.3.2), signed by the CA. Every layer is
 * DER: Go SCEP clients recompute the message digest over DER and fail on BER.
 */
public final class CertRepWriter {

    public static final String MEDIA_TYPE = "application/x-pki-message";

    private static final int NONCE_BYTES = 16;

    private final SecureRandom random;

    public CertRepWriter(SecureRandom random) {
        this.random = random;
    }

    public CertRepWriter() {
        this(new SecureRandom());
    }

    /** SUCCESS: the issued certificate, encrypted to the requester in a certs-only SignedData. */
    public byte[] success(PkiRequest request, X509Certificate issued, KeyPairAndCertificate ca) {
        byte[] certsOnly = certsOnly(issued, ca.certificate());
        byte[] envelope = envelope(certsOnly, request.signerCertificate(), request.contentEncryption());
        AttributeTable attributes = replyAttributes(PkiStatus.SUCCESS, null, request.transactionId(),
                request.senderNonce());
        return sign(new CMSProcessableByteArray(envelope), true, attributes, request.digestAlgorithm(), ca);
    }

    /** FAILURE for a request that was read completely but is refused, e.g. by policy. */
    public byte[] failure(PkiRequest request, FailInfo failInfo, KeyPairAndCertificate ca) {
        return failure(request.transactionId(), request.senderNonce(), failInfo, request.digestAlgorithm(), ca);
    }

    /** FAILURE for a request the reader refused; check {@link ScepRequestException#canBeAnswered()} first. */
    public byte[] failure(ScepRequestException refusal, KeyPairAndCertificate ca) {
        if (!refusal.canBeAnswered()) {
            throw new IllegalArgumentException("The refused request had no transactionID or senderNonce to echo");
        }
        return failure(refusal.transactionId().orElseThrow(), refusal.senderNonce().orElseThrow(),
                refusal.failInfo(), refusal.digestAlgorithm().orElse(DigestAlgorithm.SHA256), ca);
    }

    /** FAILURE has no encapsulated content: everything the client needs is in the signed attributes. */
    public byte[] failure(String transactionId, byte[] recipientNonce, FailInfo failInfo, DigestAlgorithm digest,
            KeyPairAndCertificate ca) {
        Objects.requireNonNull(failInfo, "failInfo");
        AttributeTable attributes = replyAttributes(PkiStatus.FAILURE, failInfo, transactionId, recipientNonce);
        return sign(new CMSAbsentContent(), false, attributes, digest, ca);
    }

    private AttributeTable replyAttributes(PkiStatus status, FailInfo failInfo, String transactionId,
            byte[] recipientNonce) {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(recipientNonce, "recipientNonce");
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(attribute(ScepObjectIdentifiers.MESSAGE_TYPE, number(ScepMessageType.CERT_REP.code())));
        attributes.add(attribute(ScepObjectIdentifiers.PKI_STATUS, number(status.code())));
        if (failInfo != null) {
            attributes.add(attribute(ScepObjectIdentifiers.FAIL_INFO, number(failInfo.code())));
        }
        attributes.add(attribute(ScepObjectIdentifiers.TRANSACTION_ID, new DERPrintableString(transactionId)));
        attributes.add(attribute(ScepObjectIdentifiers.RECIPIENT_NONCE, new DEROctetString(recipientNonce)));
        attributes.add(attribute(ScepObjectIdentifiers.SENDER_NONCE, new DEROctetString(freshNonce())));
        return new AttributeTable(attributes);
    }

    private static Attribute attribute(ASN1ObjectIdentifier type, ASN1Encodable value) {
        return new Attribute(type, new DERSet(value));
    }

    private static DERPrintableString number(int code) {
        return new DERPrintableString(Integer.toString(code));
    }

    private byte[] freshNonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        return nonce;
    }

    private static byte[] certsOnly(X509Certificate issued, X509Certificate caCertificate) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addCertificate(new JcaX509CertificateHolder(issued));
            generator.addCertificate(new JcaX509CertificateHolder(caCertificate));
            return der(generator.generate(new CMSAbsentContent()));
        } catch (CertificateEncodingException | CMSException e) {
            throw new IllegalStateException("Could not build the certs-only reply", e);
        }
    }

    private static byte[] envelope(byte[] content, X509Certificate recipient, ContentEncryption encryption) {
        try {
            CMSEnvelopedDataGenerator generator = new CMSEnvelopedDataGenerator();
            generator.addRecipientInfoGenerator(
                    new JceKeyTransRecipientInfoGenerator(recipient).setProvider(CryptoProvider.bouncyCastle()));
            var encryptor = new JceCMSContentEncryptorBuilder(encryption.oid())
                    .setProvider(CryptoProvider.bouncyCastle())
                    .build();
            CMSEnvelopedData enveloped = generator.generate(new CMSProcessableByteArray(content), encryptor);
            return enveloped.toASN1Structure().getEncoded(ASN1Encoding.DER);
        } catch (CertificateEncodingException | CMSException | IOException e) {
            throw new IllegalStateException("Could not encrypt the reply to the requester", e);
        }
    }

    private static byte[] sign(CMSTypedData content, boolean encapsulate, AttributeTable attributes,
            DigestAlgorithm digest, KeyPairAndCertificate ca) {
        try {
            var signer = new JcaContentSignerBuilder(digest.rsaSignatureAlgorithm())
                    .setProvider(CryptoProvider.bouncyCastle())
                    .build(ca.privateKey());
            var signerInfo = new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(CryptoProvider.bouncyCastle()).build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(attributes))
                    .build(signer, ca.certificate());
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(signerInfo);
            generator.addCertificate(new JcaX509CertificateHolder(ca.certificate()));
            return der(generator.generate(content, encapsulate));
        } catch (OperatorCreationException | CertificateEncodingException | CMSException e) {
            throw new IllegalStateException("Could not sign the CertRep", e);
        }
    }

    private static byte[] der(CMSSignedData signedData) {
        try {
            return signedData.toASN1Structure().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("Could not DER-encode a SignedData", e);
        }
    }
}
