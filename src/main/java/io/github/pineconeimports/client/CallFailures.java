package io.github.pineconeimports.client;

import java.io.IOException;
import java.net.ConnectException;
import java.security.cert.CertificateException;

import javax.net.ssl.SSLException;

import io.github.pineconeimports.failure.Failure;
import io.github.pineconeimports.failure.KeyMask;
import io.github.pineconeimports.failure.PineconeConfigException;
import io.github.pineconeimports.failure.PineconeException;
import io.netty.handler.ssl.NotSslRecordException;

/**
 * What a failed call means, as one {@link PineconeException} with the key masked: Pinecone's error, a setting to fix
 * (plain HTTP where HTTPS was expected, an untrusted certificate), or the network's failure (worth a retry).
 */
final class CallFailures {

    private CallFailures() {
    }

    static boolean transport(Throwable e) {
        String type = e.getClass().getName();
        return Failure.find(e, IOException.class) != null || type.startsWith("io.vertx.")
                || type.startsWith("io.netty.");
    }

    /**
     * What the client's report of a failed call means: Pinecone's error, a setting to fix, or the network's failure
     * (a timeout, a reset: worth a retry).
     */
    static RuntimeException failed(Connection connection, Throwable e) {
        PineconeException known = Failure.find(e, PineconeException.class);
        if (known != null) {
            return known.redact(connection.apiKey());
        }
        // a plain-HTTP answer comes wrapped in an SSLException: it is the setting to name, not the handshake
        if (Failure.find(e, NotSslRecordException.class) != null) {
            return plainHttp(connection);
        }
        // a certificate refused is a setting to fix; any other handshake failure is the network's, worth a retry
        if (Failure.find(e, SSLException.class) != null && Failure.find(e, CertificateException.class) != null) {
            return untrusted(connection, Failure.find(e, CertificateException.class));
        }
        Throwable root = Failure.root(e);
        // the transport's own failures, said as what happened and the setting behind it, not as a Java class; no
        // connection means nothing was sent (netty's connect timeout is a ConnectException too)
        boolean timeout = root.getClass().getSimpleName().contains("Timeout");
        if (root instanceof ConnectException) {
            return PineconeException.notConnected("no connection to " + authority(connection) + (timeout
                    ? " within " + connection.connectTimeout().toMillis() + " ms (PINECONE_CONNECT_TIMEOUT)"
                    : ": refused"));
        }
        if (timeout) {
            return PineconeException.unreachable("no answer within " + connection.readTimeout().toMillis()
                    + " ms (PINECONE_READ_TIMEOUT)");
        }
        String detail = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": "
                + root.getMessage());
        return PineconeException.unreachable(PineconeErrorMapper.clip(KeyMask.mask(detail, connection.apiKey())));
    }

    /**
     * A host without a scheme means https; a server that answers plain HTTP there is a setting to fix, not an outage.
     */
    private static PineconeConfigException plainHttp(Connection connection) {
        String authority = authority(connection);
        return new PineconeConfigException(authority + " answered in plain HTTP where HTTPS was expected (a host"
                + " without a scheme means https://). For a plain-HTTP server on this machine (the emulator), write the"
                + " scheme: http://" + authority);
    }

    /** A certificate that is not trusted, or that names another host: a setting to fix, retrying cannot help. */
    private static PineconeConfigException untrusted(Connection connection, Throwable refused) {
        Throwable root = Failure.root(refused);
        return new PineconeConfigException("TLS with " + authority(connection) + " failed ("
                + PineconeErrorMapper.clip(KeyMask.mask(String.valueOf(root.getMessage()), connection.apiKey()))
                + "): if this server is yours, trust its certificate with quarkus.tls.trust-store.pem.certs"
                + " (QUARKUS_TLS_TRUST_STORE_PEM_CERTS, a PEM file)");
    }

    private static String authority(Connection connection) {
        return (connection.indexHost() != null ? connection.host() : connection.controlPlane()).baseUri()
                .getRawAuthority();
    }
    static PineconeException anomaly(Connection connection, String what) {
        return PineconeException.anomaly(what).redact(connection.apiKey());
    }
}
