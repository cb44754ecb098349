package dev.portcullis.idp.saml;

import java.io.ByteArrayInputStream;

import javax.xml.namespace.QName;

import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import net.shibboleth.utilities.java.support.xml.XMLParserException;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.XMLObjectBuilderFactory;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.io.Marshaller;
import org.opensaml.core.xml.io.MarshallingException;
import org.opensaml.core.xml.io.Unmarshaller;
import org.opensaml.core.xml.io.UnmarshallingException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Parsing, building, marshalling and serialising OpenSAML objects the same safe way everywhere. */
final class SamlXml {

    private SamlXml() {
    }

    /** Parses with the secure pool and unmarshals, insisting on the root element type. */
    static <T extends XMLObject> T parse(byte[] xml, QName expectedRoot, Class<T> type) throws SamlRequestException {
        SamlRuntime.initialize();
        Document document;
        try {
            document = SamlRuntime.parserPool().parse(new ByteArrayInputStream(xml));
        } catch (XMLParserException e) {
            // The parser's message may quote the input; keep the reason generic.
            throw new SamlRequestException("message is not well-formed or uses a forbidden XML feature (DTD, entity)");
        }
        Element root = document.getDocumentElement();
        if (root == null || !expectedRoot.getNamespaceURI().equals(root.getNamespaceURI())
                || !expectedRoot.getLocalPart().equals(root.getLocalName())) {
            throw new SamlRequestException("message is not a SAML " + expectedRoot.getLocalPart());
        }
        Unmarshaller unmarshaller = XMLObjectProviderRegistrySupport.getUnmarshallerFactory().getUnmarshaller(root);
        try {
            XMLObject object = unmarshaller.unmarshall(root);
            if (!type.isInstance(object)) {
                throw new SamlRequestException("message is not a SAML " + expectedRoot.getLocalPart());
            }
            return type.cast(object);
        } catch (UnmarshallingException | RuntimeException e) {
            throw new SamlRequestException("message could not be read as SAML");
        }
    }

    /** Builds an empty SAML object of the type registered under the given element name. */
    @SuppressWarnings("unchecked")
    static <T extends XMLObject> T build(QName elementName) {
        SamlRuntime.initialize();
        XMLObjectBuilderFactory builders = XMLObjectProviderRegistrySupport.getBuilderFactory();
        return (T) builders.getBuilderOrThrow(elementName).buildObject(elementName);
    }

    /** Marshals an object to DOM (if not done yet) and returns its element. */
    static Element marshal(XMLObject object) {
        Marshaller marshaller = XMLObjectProviderRegistrySupport.getMarshallerFactory().getMarshaller(object);
        if (marshaller == null) {
            throw new IllegalStateException("no marshaller for " + object.getElementQName());
        }
        try {
            return marshaller.marshall(object);
        } catch (MarshallingException e) {
            throw new IllegalStateException("SAML object could not be marshalled", e);
        }
    }

    /** Serialises without pretty-printing, so signed content stays byte-for-byte as signed. */
    static String serialize(Element element) {
        return SerializeSupport.nodeToString(element);
    }
}
