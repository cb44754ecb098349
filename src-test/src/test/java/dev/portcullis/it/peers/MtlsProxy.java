package dev.portcullis.it.peers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A real mTLS reverse proxy from Debian in front of Portcullis, configured as the setup guide
 * says: it requires a client certificate issued by our CA and forwards its serial in
 * X-Client-Cert-Serial (Caddy in decimal, nginx in hex).
 */
public final class MtlsProxy implements AutoCloseable {

    public enum Kind { CADDY, NGINX }

    private final Kind kind;
    private final int port;
    private final ExternalProcess process;

    private MtlsProxy(Kind kind, int port, ExternalProcess process) {
        this.kind = kind;
        this.port = port;
        this.process = process;
    }

    /**
     * @param dir        a fresh working directory for the proxy's config, logs and state
     * @param serverName the TLS host name clients use (the "okta." host)
     * @param serverCert PEM certificate and key for that name
     * @param clientCa   the Portcullis SCEP CA, PEM
     * @param upstream   Portcullis's plain HTTP base, e.g. http://127.0.0.1:8180
     */
    public static MtlsProxy start(Kind kind, Path dir, int port, String serverName, Path serverCert, Path serverKey,
                                  Path clientCa, String upstream) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        ExternalProcess process = switch (kind) {
            case CADDY -> startCaddy(dir, port, serverName, serverCert, serverKey, clientCa, upstream);
            case NGINX -> startNginx(dir, port, serverName, serverCert, serverKey, clientCa, upstream);
        };
        MtlsProxy proxy = new MtlsProxy(kind, port, process);
        proxy.awaitListening();
        return proxy;
    }

    private static ExternalProcess startCaddy(Path dir, int port, String serverName, Path cert, Path key, Path ca,
                                              String upstream) throws IOException {
        String caddyfile = """
                {
                    admin off
                    auto_https off
                    storage file_system {
                        root %s
                    }
                }
                %s:%d {
                    bind 127.0.0.1
                    tls %s %s {
                        client_auth {
                            mode require_and_verify
                            trusted_ca_cert_file %s
                        }
                    }
                    reverse_proxy %s {
                        header_up X-Client-Cert-Serial {http.request.tls.client.serial}
                    }
                }
                """.formatted(dir.resolve("storage"), serverName, port, cert, key, ca, upstream);
        Path config = dir.resolve("Caddyfile");
        Files.writeString(config, caddyfile);
        return ExternalProcess.start(List.of("caddy", "run", "--config", config.toString(), "--adapter", "caddyfile"),
                dir.resolve("caddy.log"), Map.of("HOME", dir.toString(), "XDG_DATA_HOME", dir.resolve("data").toString(),
                        "XDG_CONFIG_HOME", dir.resolve("config").toString()));
    }

    private static ExternalProcess startNginx(Path dir, int port, String serverName, Path cert, Path key, Path ca,
                                              String upstream) throws IOException {
        Files.createDirectories(dir.resolve("temp"));
        String conf = """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log info;
                events { worker_connections 256; }
                http {
                    access_log %1$s/access.log;
                    client_body_temp_path %1$s/temp/body;
                    proxy_temp_path %1$s/temp/proxy;
                    fastcgi_temp_path %1$s/temp/fastcgi;
                    uwsgi_temp_path %1$s/temp/uwsgi;
                    scgi_temp_path %1$s/temp/scgi;
                    server {
                        listen 127.0.0.1:%2$d ssl;
                        server_name %3$s;
                        ssl_certificate %4$s;
                        ssl_certificate_key %5$s;
                        ssl_verify_client on;
                        ssl_client_certificate %6$s;
                        location / {
                            proxy_pass %7$s;
                            proxy_set_header Host $host:$server_port;
                            proxy_set_header X-Client-Cert-Serial $ssl_client_serial;
                        }
                    }
                }
                """.formatted(dir, port, serverName, cert, key, ca, upstream);
        Path config = dir.resolve("nginx.conf");
        Files.writeString(config, conf);
        return ExternalProcess.start(List.of("nginx", "-p", dir.toString(), "-c", config.toString(),
                "-e", dir.resolve("error.log").toString()), dir.resolve("nginx.out"), Map.of());
    }

    private void awaitListening() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (!process.alive()) {
                throw new IllegalStateException(kind + " exited at start:\n" + process.output());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException(kind + " did not listen on " + port + ":\n" + process.output());
    }

    public Kind kind() {
        return kind;
    }

    public int port() {
        return port;
    }

    public String log() {
        return process.output();
    }

    @Override
    public void close() {
        process.close();
    }
}
