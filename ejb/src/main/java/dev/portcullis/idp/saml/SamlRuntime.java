package dev.portcullis.idp.saml;

import java.util.HashMap;
import java.util.Map;

import javax.xml.XMLConstants;

import net.shibboleth.utilities.java.support.component.ComponentInitializationException;
import net.shibboleth.utilities.java.support.xml.BasicParserPool;
import net.shibboleth.utilities.java.support.xml.ParserPool;
import org.opensaml.core.config.InitializationException;
import org.opensaml.core.config.InitializationService;

/**
 * Initialises OpenSAML and Santuario once per JVM and owns the hardened XML parser pool.
 * Everything here is built on first use and then shared: no per-request initialisation.
 */
public final class SamlRuntime {

    private static final String LINE_BREAKS_PROPERTY = "org.apache.xml.security.ignoreLineBreaks";

    private SamlRuntime() {
    }

    /** Makes sure the libraries are initialised; cheap after the first call. */
    public static void initialize() {
        Holder.touch();
    }

    /** The shared parser pool: namespace aware, no DTDs, no entities, no XInclude. */
    public static ParserPool parserPool() {
        return Holder.PARSER_POOL;
    }

    // The JVM runs a class initialiser exactly once and makes it visible to all threads.
    private static final class Holder {
        static final ParserPool PARSER_POOL;

        static {
            // Santuario reads this once, when its XMLUtils class loads; without it,
            // signatures carry "&#13;" line breaks that some SPs refuse.
            System.setProperty(LINE_BREAKS_PROPERTY, "true");
            try {
                InitializationService.initialize();
                PARSER_POOL = securePool();
            } catch (InitializationException | ComponentInitializationException e) {
                throw new IllegalStateException("SAML libraries could not be initialised", e);
            }
        }

        static void touch() {
        }

        private static ParserPool securePool() throws ComponentInitializationException {
            BasicParserPool pool = new BasicParserPool();
            pool.setNamespaceAware(true);
            pool.setExpandEntityReferences(false);
            pool.setXincludeAware(false);
            pool.setIgnoreComments(true);
            pool.setMaxPoolSize(50);
            Map<String, Boolean> features = new HashMap<>();
            features.put(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            features.put("http://apache.org/xml/features/disallow-doctype-decl", true);
            features.put("http://xml.org/sax/features/external-general-entities", false);
            features.put("http://xml.org/sax/features/external-parameter-entities", false);
            features.put("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            pool.setBuilderFeatures(features);
            pool.initialize();
            return pool;
        }
    }
}
