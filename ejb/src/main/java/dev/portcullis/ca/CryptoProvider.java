package dev.portcullis.ca;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one BouncyCastle provider instance the CA code hands to JCA builders. It is never
 * registered globally, so redeploying the application leaves the JVM's provider list alone.
 */
public final class CryptoProvider {

    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private CryptoProvider() {
    }

    public static Provider bouncyCastle() {
        return BOUNCY_CASTLE;
    }
}
