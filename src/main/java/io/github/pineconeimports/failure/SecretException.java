package io.github.pineconeimports.failure;

/** The key's secret could not be read: the extension is missing, refused, or failed. Nothing was sent to Pinecone. */
public class SecretException extends Failure {
    public SecretException(Kind kind, String message) {
        super(kind, message, null);
    }
}
