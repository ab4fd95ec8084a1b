package io.github.pineconeimports.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

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
}
