package dev.portcullis.it.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Key and certificate files made with the openssl command line, as an administrator would. */
public final class TlsFiles {

    private TlsFiles() {
    }

    public record KeyAndCert(Path key, Path cert) {
    }

    /** A self-signed server certificate for {@code hostName}, for a proxy's TLS listener. */
    public static KeyAndCert selfSignedServer(Path dir, String hostName) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path key = dir.resolve(hostName + ".key");
        Path cert = dir.resolve(hostName + ".crt");
        ExternalProcess.run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", key.toString(), "-out", cert.toString(), "-days", "2", "-subj", "/CN=" + hostName,
                "-addext", "subjectAltName=DNS:" + hostName), dir, Duration.ofSeconds(60));
        return new KeyAndCert(key, cert);
    }

    /** The DER CA certificate from GetCACert, turned into PEM with the guide's own command. */
    public static Path derToPem(Path der, Path pem) throws IOException, InterruptedException {
        ExternalProcess.run(List.of("openssl", "x509", "-inform", "der", "-in", der.toString(), "-out", pem.toString()),
                der.getParent(), Duration.ofSeconds(30));
        return pem;
    }
}
