package io.github.pineconeimports.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.github.pineconeimports.failure.Failure;
import io.github.pineconeimports.failure.PineconeConfigException;
import io.github.pineconeimports.failure.PineconeException;

class IndexHostTest {

    @Test
    void aBareHostMeansHttps() {
        assertEquals("https://my-index-abc123.svc.aped-4627-b74a.pinecone.io",
                IndexHost.parse(" my-index-abc123.svc.aped-4627-b74a.pinecone.io ").toString());
        assertEquals("https://idx.pinecone.io:8443", IndexHost.parse("idx.pinecone.io:8443").toString());
    }

    @Test
    void urlsAreAcceptedWithPlainHttpOnlyOnLoopback() {
        assertEquals("https://idx.pinecone.io", IndexHost.parse("https://idx.pinecone.io/").toString());
        assertEquals("http://localhost:5080", IndexHost.parse("http://localhost:5080").toString());
        assertEquals("http://127.0.0.1:5080", IndexHost.parse("http://127.0.0.1:5080").toString());
        assertEquals("http://[::1]:5080", IndexHost.parse("http://[::1]:5080").toString());
        rejected("http://idx.pinecone.io", "only allowed for loopback");
        rejected("http://10.0.0.5:8080", "only allowed for loopback");
    }

    @Test
    void anythingElseIsAClearErrorNamingTheVariable() {
        rejected(null, "is not set");
        rejected("  ", "is not set");
        rejected("ftp://idx.pinecone.io", "must use https");
        rejected("https://idx.pinecone.io/bulk/imports", "bare host");
        rejected("https://user:pw@idx.pinecone.io", "bare host");
        rejected("https://idx.pinecone.io?x=1", "bare host");
        rejected("not a host", "PINECONE_INDEX_HOST");
    }

    private static void rejected(String raw, String why) {
        PineconeConfigException e = assertThrows(PineconeConfigException.class, () -> IndexHost.parse(raw));
        assertTrue(e.getMessage().startsWith("PINECONE_INDEX_HOST"), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    @Test
    void theKeyGoesOnlyToPineconeHostsOrTheControlPlanesOwnLoopback() {
        IndexHost pinecone = IndexHost.controller("https://api.pinecone.io");
        assertEquals("https://alpha-x1.svc.aped-4627-b74a.pinecone.io",
                IndexHost.given(pinecone, "alpha", "alpha-x1.svc.aped-4627-b74a.pinecone.io").toString());
        assertEquals("https://alpha-x1.svc.pinecone.io",
                IndexHost.given(pinecone, "alpha", "https://alpha-x1.svc.pinecone.io").toString());
        for (String outside : new String[] { "alpha.example.com", "alpha.pinecone.io.example.com",
                "http://alpha.svc.pinecone.io", "127.0.0.1:5081", "https://user@alpha.svc.pinecone.io",
                "alpha.svc.pinecone.io/bulk", "pinecone.io", "" }) {
            refusedFor(pinecone, outside);
        }
        IndexHost loopback = IndexHost.controller("http://127.0.0.1:5080");
        assertEquals("http://127.0.0.1:5081", IndexHost.given(loopback, "alpha", "127.0.0.1:5081").toString(),
                "a bare host on the control plane's loopback address is plain HTTP");
        assertEquals("https://alpha.svc.pinecone.io",
                IndexHost.given(loopback, "alpha", "alpha.svc.pinecone.io").toString());
        refusedFor(loopback, "127.0.0.2:5081");
        refusedFor(loopback, "localhost:5081");
        refusedFor(loopback, "10.0.0.5:5081");
        refusedFor(loopback, "ftp://127.0.0.1:5081");
        IndexHost tls = IndexHost.controller("https://localhost:5443");
        assertEquals("https://localhost:5444", IndexHost.given(tls, "alpha", "localhost:5444").toString(),
                "a bare host on an HTTPS control plane's own loopback address keeps HTTPS");
        assertEquals("http://localhost:5081", IndexHost.given(tls, "alpha", "http://localhost:5081").toString(),
                "a scheme the control plane wrote is kept, on its own loopback address only");
    }

    private static void refusedFor(IndexHost controlPlane, String host) {
        PineconeException e = assertThrows(PineconeException.class, () -> IndexHost.given(controlPlane, "alpha", host),
                host);
        assertEquals(Failure.Kind.UPSTREAM_ANOMALY, e.kind());
        assertTrue(e.getMessage().contains("index 'alpha'"), e.getMessage());
    }

    @Test
    void theControlPlaneIsHttpsUnlessLoopback() {
        assertEquals("https://api.pinecone.io", IndexHost.controller("api.pinecone.io").toString());
        PineconeConfigException e = assertThrows(PineconeConfigException.class,
                () -> IndexHost.controller("http://api.pinecone.io"));
        assertTrue(e.getMessage().startsWith("PINECONE_CONTROLLER_HOST uses plain http"), e.getMessage());
    }
}
