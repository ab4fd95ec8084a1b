package io.github.pineconeimports.function.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.jboss.logging.Logger;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import io.github.pineconeimports.failure.InvalidQueryException;
import io.github.pineconeimports.function.ListImportsInput;
import io.quarkus.funqy.lambda.FunqyStreamHandler;

/**
 * The handler deploy/aws/template.yaml names for the JVM runtime: Funqy's own, except that a failure leaves as
 * the {@link LambdaError} of its kind instead of Funqy's one {@code ApplicationException}, so Step Functions
 * (which sees only the error's name) can tell a caller's mistake from an incomplete listing from a missing
 * setting. The native executable runs each invocation the same way ({@link NamedErrorsLoop}).
 */
public class ListImportsHandler implements RequestStreamHandler {

    private static final Logger LOG = Logger.getLogger(ListImportsHandler.class);

    private final FunqyStreamHandler funqy = new FunqyStreamHandler();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        named(() -> funqy.handleRequest(input, output, context));
    }

    /** One invocation, whose failure, whatever it is, leaves as the {@link LambdaError} of its kind. */
    static void named(Invocation invocation) {
        try {
            invocation.run();
        } catch (IOException | RuntimeException e) {
            // an event that is not a JSON object of our fields is the caller's mistake, named as one
            InvalidQueryException unreadable = ListImportsInput.unreadableInput(e);
            LambdaError error = LambdaError.of(unreadable != null ? unreadable : e);
            if (error instanceof LambdaError.Internal) {
                // a bug of ours: the answer says only what happened, the log keeps where
                LOG.error("listImports failed unexpectedly", e);
            }
            throw error;
        }
    }

    /** Funqy's reading of the event, the function and the writing of its answer. */
    interface Invocation {
        void run() throws IOException;
    }
}
