package io.github.pineconeimports.client;

/** The Pinecone connection is not configured well enough to make a call; the message names the variable. */
public class PineconeConfigException extends Failure {

    public PineconeConfigException(String message) {
        super(message, null);
    }

    @Override
    public Kind kind() {
        return Kind.NOT_CONFIGURED;
    }
}
