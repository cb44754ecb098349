package dev.portcullis.idp.saml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;
import org.opensaml.saml.saml2.metadata.SingleSignOnService;
import org.opensaml.security.credential.UsageType;

class IdpMetadataWriterTest {

    private static final String ENTITY_ID = "https://portcullis.example/api/fleet/conditional_access/idp/metadata";
    private static final String SSO_URL = "https://okta.portcullis.example/api/fleet/conditional_access/idp/sso";

    @Test
    void describesTheIdpWithBothBindingsAndTheSigningCertificate() throws Exception {
        TestCredentials idp = SamlResponseBuilderTest.IDP;
        String xml = new IdpMetadataWriter().write(ENTITY_ID, idp.certificate, SSO_URL);

        EntityDescriptor entity = SamlXml.parse(xml.getBytes(StandardCharsets.UTF_8),
                EntityDescriptor.DEFAULT_ELEMENT_NAME, EntityDescriptor.class);
        assertEquals(ENTITY_ID, entity.getEntityID());
        IDPSSODescriptor descriptor = entity.getIDPSSODescriptor(SAMLConstants.SAML20P_NS);
        assertTrue(descriptor.getWantAuthnRequestsSigned());
        assertEquals(NameIDType.UNSPECIFIED, descriptor.getNameIDFormats().get(0).getURI());

        List<String> bindings = descriptor.getSingleSignOnServices().stream()
                .map(SingleSignOnService::getBinding).collect(Collectors.toList());
        assertEquals(List.of(SAMLConstants.SAML2_POST_BINDING_URI, SAMLConstants.SAML2_REDIRECT_BINDING_URI), bindings);
        descriptor.getSingleSignOnServices().forEach(service -> assertEquals(SSO_URL, service.getLocation()));

        assertEquals(UsageType.SIGNING, descriptor.getKeyDescriptors().get(0).getUse());
        String certificate = descriptor.getKeyDescriptors().get(0).getKeyInfo().getX509Datas().get(0)
                .getX509Certificates().get(0).getValue();
        assertArrayEquals(idp.certificate.getEncoded(), Base64.getDecoder().decode(certificate));
    }
}
