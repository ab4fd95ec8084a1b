package io.github.pineconeimports.client;

/** The key's secret could not be read: the extension is missing, refused, or failed. Nothing was sent to Pinecone. */
public class SecretException extends Failure {

    private final Kind kind;

    SecretException(Kind kind, String message) {
        super(message, null);
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
