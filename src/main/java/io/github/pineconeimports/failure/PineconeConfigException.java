package io.github.pineconeimports.failure;

/** The Pinecone connection is not configured well enough to make a call; the message names the variable. */
public class PineconeConfigException extends Failure {
    public PineconeConfigException(String message) {
        super(Kind.NOT_CONFIGURED, message, null);
    }
}
