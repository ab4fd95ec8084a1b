package io.github.pineconeimports.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The places start imports from: Pinecone's forms, and names the stores themselves would allow. */
class ImportUriTest {

    @Test
    void pineconesFormsWithNamesTheStoresAllow() {
        for (String uri : new String[] { "s3://my-bucket/embeddings/", "s3://abc", "gs://my_bucket.v2/run-7/",
                "https://account1.blob.core.windows.net/container-1/run-1/",
                "gs://" + "a".repeat(60) + "." + "b".repeat(60) + "/dotted/" }) {
            assertNull(ImportUri.problem(uri), uri);
        }
    }

    @Test
    void eachRefusalSaysWhy() {
        Map<String, String> refused = Map.ofEntries(
                Map.entry("s3://ab/dir/", "names a bucket S3 does not allow"),
                Map.entry("gs://b/d/", "names a bucket Cloud Storage does not allow"),
                Map.entry("s3://UPPER/", "names a bucket S3 does not allow"),
                Map.entry("s3://my_bucket/", "names a bucket S3 does not allow"),
                Map.entry("s3://bucket/d\u001b[31mir/", "has spaces or control characters"),
                Map.entry("ftp://bucket/x/", "is not a place Pinecone imports from"),
                Map.entry("https://example.com/x/", "is not a place Pinecone imports from"),
                Map.entry("https://Account.blob.core.windows.net/c1x/", "names a storage account Azure does not allow"),
                Map.entry("https://account.blob.core.windows.net/a--b/", "names a container Azure does not allow"),
                Map.entry("s3://bucket/" + "a".repeat(1500), "is longer than 1500 characters"),
                Map.entry("gs://" + "a".repeat(64) + "/", "names a bucket Cloud Storage does not allow"));
        refused.forEach((uri, why) -> {
            String problem = ImportUri.problem(uri);
            assertNotNull(problem, uri);
            assertTrue(problem.startsWith(why), uri + ": " + problem);
        });
    }
}
