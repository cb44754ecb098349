package dev.portcullis.idp.saml;

import java.security.cert.X509Certificate;

import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.saml.saml2.metadata.NameIDFormat;
import org.opensaml.saml.saml2.metadata.SingleSignOnService;
import org.opensaml.security.credential.UsageType;

/** Writes the IdP's SAML metadata: who we are, our signing certificate and where to send AuthnRequests. */
public final class IdpMetadataWriter {

    public IdpMetadataWriter() {
        SamlRuntime.initialize();
    }

    public String write(String entityId, X509Certificate signingCertificate, String ssoUrl) {
        KeyDescriptor key = SamlXml.build(KeyDescriptor.DEFAULT_ELEMENT_NAME);
        key.setUse(UsageType.SIGNING);
        key.setKeyInfo(CertificateKeyInfo.of(signingCertificate));

        NameIDFormat nameIdFormat = SamlXml.build(NameIDFormat.DEFAULT_ELEMENT_NAME);
        nameIdFormat.setURI(NameIDType.UNSPECIFIED);

        IDPSSODescriptor idp = SamlXml.build(IDPSSODescriptor.DEFAULT_ELEMENT_NAME);
        idp.addSupportedProtocol(SAMLConstants.SAML20P_NS);
        idp.setWantAuthnRequestsSigned(true);
        idp.getKeyDescriptors().add(key);
        idp.getNameIDFormats().add(nameIdFormat);
        idp.getSingleSignOnServices().add(singleSignOn(SAMLConstants.SAML2_POST_BINDING_URI, ssoUrl));
        idp.getSingleSignOnServices().add(singleSignOn(SAMLConstants.SAML2_REDIRECT_BINDING_URI, ssoUrl));

        EntityDescriptor entity = SamlXml.build(EntityDescriptor.DEFAULT_ELEMENT_NAME);
        entity.setEntityID(entityId);
        entity.getRoleDescriptors().add(idp);
        return SamlXml.serialize(SamlXml.marshal(entity));
    }

    private static SingleSignOnService singleSignOn(String binding, String location) {
        SingleSignOnService service = SamlXml.build(SingleSignOnService.DEFAULT_ELEMENT_NAME);
        service.setBinding(binding);
        service.setLocation(location);
        return service;
    }
}
