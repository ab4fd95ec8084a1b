package io.github.pineconeimports.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * Pinecone over HTTPS on loopback, as Pinecone is only ever reached: a WireMock server with a self-signed
 * certificate made for this run by the JDK's keytool, in front of a plain-HTTP emulator. It is both the control
 * plane ({@code /indexes} names {@value #INDEX}, on this server's own address) and that index's data plane
 * ({@code /bulk/imports}, passed on to the emulator). Its certificate is trusted the way a user trusts one: its
 * PEM file given to {@code quarkus.tls.trust-store.pem.certs}.
 */
public final class TlsStandIn implements AutoCloseable {

    public static final String INDEX = "secure-index";
    private static final String PASSWORD = "stand-in";

    private final WireMockServer server;
    private final Path certificate;

    private TlsStandIn(WireMockServer server, Path certificate) {
        this.server = server;
        this.certificate = certificate;
    }

    /**
     * A stand-in whose certificate names {@code dnsName} (and 127.0.0.1 when it is localhost), passing data-plane
     * calls to {@code emulatorUrl}.
     */
    public static TlsStandIn start(Path dir, String dnsName, String emulatorUrl) throws IOException {
        Certificate certificate = Certificate.selfSigned(dir, dnsName);
        WireMockServer server = certificate.server();
        String index = "{\"name\": \"" + INDEX + "\", \"host\": \"localhost:" + server.httpsPort() + "\", \"status\":"
                + " {\"ready\": true, \"state\": \"Ready\"}}";
        server.stubFor(get(urlPathEqualTo("/indexes")).willReturn(okJson("{\"indexes\": [" + index + "]}")));
        server.stubFor(get(urlPathEqualTo("/indexes/" + INDEX)).willReturn(okJson(index)));
        server.stubFor(any(urlPathMatching("/bulk/imports.*")).willReturn(aResponse().proxiedFrom(emulatorUrl)));
        return new TlsStandIn(server, certificate.pem());
    }

    /** A self-signed certificate for {@code dnsName}, made by the JDK's keytool: its PKCS12 key store and its PEM. */
    public record Certificate(Path keyStore, Path pem) {

        public static Certificate selfSigned(Path dir, String dnsName) throws IOException {
            Path keyStore = dir.resolve(dnsName + "-" + System.nanoTime() + ".p12");
            String names = "dns:" + dnsName + ("localhost".equals(dnsName) ? ",ip:127.0.0.1" : "");
            keytool("-genkeypair", "-alias", "stand-in", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                    "CN=" + dnsName, "-ext", "SAN=" + names, "-validity", "2", "-storetype", "PKCS12", "-keystore",
                    keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
            Path pem = Path.of(keyStore.toString().replace(".p12", ".pem"));
            keytool("-exportcert", "-rfc", "-alias", "stand-in", "-keystore", keyStore.toString(), "-storepass",
                    PASSWORD, "-file", pem.toString());
            return new Certificate(keyStore, pem);
        }

        /** A started WireMock server on 127.0.0.1 that speaks HTTPS only, with this certificate. */
        public WireMockServer server() {
            WireMockServer server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
                    .httpDisabled(true).dynamicHttpsPort().keystorePath(keyStore.toString()).keystoreType("PKCS12")
                    .keystorePassword(PASSWORD).keyManagerPassword(PASSWORD));
            server.start();
            return server;
        }
    }

    /** One PEM file of these certificates: what a user gives quarkus.tls.trust-store.pem.certs. */
    public static Path trustStore(Path dir, Path... pems) throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path pem : pems) {
            all.append(Files.readString(pem));
        }
        return Files.writeString(dir.resolve("trusted-" + System.nanoTime() + ".pem"), all);
    }

    /** This stand-in's certificate, as PEM. */
    public Path certificate() {
        return certificate;
    }

    /** As a user writes it: https://localhost:PORT. */
    public String url() {
        return "https://localhost:" + server.httpsPort();
    }

    public WireMockServer server() {
        return server;
    }

    @Override
    public void close() {
        server.stop();
    }

    private static void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String said = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool " + String.join(" ", args) + ": " + said);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
