package dev.portcullis.ca.scep;

import dev.portcullis.ca.CryptoProvider;
import dev.portcullis.ca.KeyPairAndCertificate;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientId;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Reads a PKCSReq or RenewalReq pkiMessage (RFC 8894 section 3): checks the requester's
 * signature, opens the envelope with the CA key and checks the CSR inside.
 */
public final class PkiMessageReader {

    private static final Set<ScepMessageType> ENROLMENT_TYPES =
            EnumSet.of(ScepMessageType.PKCS_REQ, ScepMessageType.RENEWAL_REQ);

    /**
     * @throws MalformedScepMessageException the bytes are not a CMS SignedData with a signer
     * @throws ScepRequestException the message is a pkiMessage that must be refused with a CertRep
     */
    public PkiRequest read(byte[] der, KeyPairAndCertificate ca)
            throws MalformedScepMessageException, ScepRequestException {
        CMSSignedData signedData = parseSignedData(der);
        SignerInformation signer = onlySigner(signedData);
        RequestReadSoFar read = new RequestReadSoFar();
        if (signer.getSignedAttributes() == null) {
            throw read.refuse(FailInfo.BAD_REQUEST, "The pkiMessage has no signed attributes");
        }
        SignedAttributes attributes = new SignedAttributes(signer.getSignedAttributes());
        read.transactionId = attributes.string(ScepObjectIdentifiers.TRANSACTION_ID).orElse(null);
        read.senderNonce = attributes.octets(ScepObjectIdentifiers.SENDER_NONCE).orElse(null);
        read.signerCertificate = signerCertificate(signedData, signer);
        read.digestAlgorithm = DigestAlgorithm.of(signer.getDigestAlgorithmID().getAlgorithm()).orElse(null);

        if (read.transactionId == null || read.senderNonce == null) {
            throw read.refuse(FailInfo.BAD_REQUEST, "The pkiMessage lacks a transactionID or senderNonce");
        }
        if (read.digestAlgorithm == null) {
            throw read.refuse(FailInfo.BAD_ALG,
                    "Unsupported digest algorithm " + signer.getDigestAlgorithmID().getAlgorithm());
        }
        if (read.signerCertificate == null) {
            throw read.refuse(FailInfo.BAD_MESSAGE_CHECK, "The signer's certificate is not in the pkiMessage");
        }
        verifySignature(signer, read);

        ScepMessageType messageType = attributes.string(ScepObjectIdentifiers.MESSAGE_TYPE)
                .flatMap(ScepMessageType::fromAttribute)
                .filter(ENROLMENT_TYPES::contains)
                .orElseThrow(() -> read.refuse(FailInfo.BAD_REQUEST,
                        "Only PKCSReq and RenewalReq are supported"));
        CMSEnvelopedData envelope = envelope(signedData, read);
        ContentEncryption encryption = ContentEncryption.of(envelope.getContentEncryptionAlgorithm().getAlgorithm())
                .orElseThrow(() -> read.refuse(FailInfo.BAD_ALG, "Unsupported content encryption "
                        + envelope.getContentEncryptionAlgorithm().getAlgorithm()));
        PKCS10CertificationRequest csr = certificationRequest(open(envelope, ca, read), read);
        return new PkiRequest(messageType, read.transactionId, read.senderNonce, read.signerCertificate,
                read.digestAlgorithm, encryption, csr);
    }

    private static CMSSignedData parseSignedData(byte[] der) throws MalformedScepMessageException {
        if (der == null || der.length == 0) {
            throw new MalformedScepMessageException("The pkiMessage is empty");
        }
        try {
            ContentInfo contentInfo = ContentInfo.getInstance(ASN1Primitive.fromByteArray(der));
            if (!CMSObjectIdentifiers.signedData.equals(contentInfo.getContentType())) {
                throw new MalformedScepMessageException(
                        "The pkiMessage is CMS " + contentInfo.getContentType() + ", not SignedData");
            }
            return new CMSSignedData(contentInfo);
        } catch (IOException | CMSException | RuntimeException e) {
            // BouncyCastle reports structural faults as IllegalArgumentException or ClassCastException too.
            throw new MalformedScepMessageException("The pkiMessage is not a CMS SignedData", e);
        }
    }

    private static SignerInformation onlySigner(CMSSignedData signedData) throws MalformedScepMessageException {
        Collection<SignerInformation> signers = signedData.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw new MalformedScepMessageException(
                    "A pkiMessage has exactly one signer, this one has " + signers.size());
        }
        return signers.iterator().next();
    }

    private static X509Certificate signerCertificate(CMSSignedData signedData, SignerInformation signer) {
        Collection<X509CertificateHolder> matches = signedData.getCertificates().getMatches(signer.getSID());
        if (matches.isEmpty()) {
            return null;
        }
        try {
            return new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
        } catch (CertificateException e) {
            return null;
        }
    }

    // Verified with the bare public key: BouncyCastle would otherwise also demand that the
    // signer certificate be valid at signingTime, which is renewal policy, not message integrity.
    private static void verifySignature(SignerInformation signer, RequestReadSoFar read)
            throws ScepRequestException {
        try {
            var verifier = new JcaSimpleSignerInfoVerifierBuilder()
                    .setProvider(CryptoProvider.bouncyCastle())
                    .build(read.signerCertificate.getPublicKey());
            if (!signer.verify(verifier)) {
                throw read.refuse(FailInfo.BAD_MESSAGE_CHECK, "The pkiMessage signature does not verify");
            }
        } catch (OperatorCreationException | CMSException | RuntimeException e) {
            throw read.refuse(FailInfo.BAD_MESSAGE_CHECK, "The pkiMessage signature does not verify", e);
        }
    }

    private static CMSEnvelopedData envelope(CMSSignedData signedData, RequestReadSoFar read)
            throws ScepRequestException {
        CMSTypedData content = signedData.getSignedContent();
        if (content == null || !(content.getContent() instanceof byte[] bytes)) {
            throw read.refuse(FailInfo.BAD_REQUEST, "The pkiMessage has no pkcsPkiEnvelope");
        }
        try {
            return new CMSEnvelopedData(bytes);
        } catch (CMSException | RuntimeException e) {
            throw read.refuse(FailInfo.BAD_REQUEST, "The pkcsPkiEnvelope is not a CMS EnvelopedData", e);
        }
    }

    private static byte[] open(CMSEnvelopedData envelope, KeyPairAndCertificate ca, RequestReadSoFar read)
            throws ScepRequestException {
        RecipientInformation recipient = envelope.getRecipientInfos()
                .get(new JceKeyTransRecipientId(ca.certificate()));
        if (recipient == null) {
            throw read.refuse(FailInfo.BAD_MESSAGE_CHECK, "The pkcsPkiEnvelope is not encrypted to this CA");
        }
        try {
            return recipient.getContent(
                    new JceKeyTransEnvelopedRecipient(ca.privateKey()).setProvider(CryptoProvider.bouncyCastle()));
        } catch (CMSException | RuntimeException e) {
            throw read.refuse(FailInfo.BAD_MESSAGE_CHECK, "The pkcsPkiEnvelope cannot be decrypted", e);
        }
    }

    private static PKCS10CertificationRequest certificationRequest(byte[] der, RequestReadSoFar read)
            throws ScepRequestException {
        PKCS10CertificationRequest csr;
        try {
            csr = new PKCS10CertificationRequest(der);
        } catch (IOException | RuntimeException e) {
            throw read.refuse(FailInfo.BAD_REQUEST, "The pkcsPkiEnvelope does not hold a PKCS#10 request", e);
        }
        try {
            var verifier = new JcaContentVerifierProviderBuilder()
                    .setProvider(CryptoProvider.bouncyCastle())
                    .build(csr.getSubjectPublicKeyInfo());
            if (!csr.isSignatureValid(verifier)) {
                throw read.refuse(FailInfo.BAD_MESSAGE_CHECK, "The PKCS#10 request signature does not verify");
            }
        } catch (OperatorCreationException | PKCSException | RuntimeException e) {
            throw read.refuse(FailInfo.BAD_MESSAGE_CHECK, "The PKCS#10 request signature does not verify", e);
        }
        return csr;
    }
}
