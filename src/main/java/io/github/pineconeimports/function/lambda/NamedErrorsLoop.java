package io.github.pineconeimports.function.lambda;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;

import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;

import io.quarkus.amazon.lambda.runtime.AbstractLambdaPollLoop;
import io.quarkus.amazon.lambda.runtime.AmazonLambdaContext;
import io.quarkus.amazon.lambda.runtime.AmazonLambdaMapperRecorder;
import io.quarkus.amazon.lambda.runtime.FunctionError;
import io.quarkus.amazon.lambda.runtime.LambdaInputReader;
import io.quarkus.amazon.lambda.runtime.LambdaOutputWriter;
import io.quarkus.funqy.lambda.FunqyLambdaBindingRecorder;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownContext;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The native executable's Lambda Runtime API loop: Quarkus' own, but each invocation runs as the JVM handler runs
 * it ({@link ListImportsHandler#named}), so a failure leaves under its {@link LambdaError} name, not as Funqy's
 * {@code ApplicationException}: Step Functions tells errors apart by name alone. Native only (a substitution).
 */
// FunctionError is the error's JSON: Quarkus 3.32 registers it for reflection without its getters
@RegisterForReflection(targets = FunctionError.class)
final class NamedErrorsLoop extends AbstractLambdaPollLoop {

    NamedErrorsLoop(LaunchMode mode) {
        super(AmazonLambdaMapperRecorder.objectMapper, AmazonLambdaMapperRecorder.cognitoIdReader,
                AmazonLambdaMapperRecorder.clientCtxReader, mode);
    }

    @Override
    protected boolean isStream() {
        return false;
    }

    /** The event's bytes, for Funqy to read as the JVM handler has it read them. */
    @Override
    protected LambdaInputReader<byte[]> getInputReader() {
        return InputStream::readAllBytes;
    }

    @Override
    protected Object processRequest(Object event, AmazonLambdaContext context) {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        ListImportsHandler.named(() -> FunqyLambdaBindingRecorder.handle(new ByteArrayInputStream((byte[]) event),
                answer, context));
        return answer.toByteArray();
    }

    @Override
    protected LambdaOutputWriter getOutputWriter() {
        return new LambdaOutputWriter() {
            @Override
            public void writeValue(OutputStream out, Object answer) throws IOException {
                out.write((byte[]) answer);
            }

            @Override
            public void writeHeaders(HttpURLConnection connection) {
                connection.setRequestProperty("Content-Type", "application/json");
            }
        };
    }

    @Override
    protected void processRequest(InputStream input, OutputStream output, AmazonLambdaContext context) {
        throw new UnsupportedOperationException("not a streaming loop");
    }

    /** A failure is answered to Lambda by name and message (a bug of ours was logged, with its cause, already). */
    @Override
    protected boolean shouldLog(Exception failure) {
        return !(failure instanceof LambdaError) && super.shouldLog(failure);
    }

    /** Where Funqy starts its own loop in a native executable, ours starts instead. */
    @TargetClass(FunqyLambdaBindingRecorder.class)
    static final class StartedInsteadOfFunqys {
        @Substitute
        public void startPollLoop(ShutdownContext context, LaunchMode mode) {
            new NamedErrorsLoop(mode).startPollLoop(context);
        }
    }
}
