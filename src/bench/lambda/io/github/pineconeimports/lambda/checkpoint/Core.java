package io.github.pineconeimports.lambda.checkpoint;

/**
 * A stand-in for the CRaC implementation Lambda's Java runtime brings, which no JDK here has. org.crac uses it
 * when started with {@code -Dorg.crac.Core.Compat=io.github.pineconeimports.lambda.checkpoint}: every resource is
 * "checkpointed" as soon as it registers (the function registers its priming at the end of its init phase,
 * which is where Lambda takes the snapshot) and at once "restored". This lets the benchmark measure what
 * priming saves a restored function's first invocation; it is never part of the function.
 */
public final class Core {

    private static final Context<Resource> GLOBAL = new Context<>() {
        @Override
        public void register(Resource resource) {
            try {
                resource.beforeCheckpoint(this);
                resource.afterRestore(this);
            } catch (Exception e) {
                throw new IllegalStateException("checkpoint stand-in: " + e, e);
            }
        }
    };

    private Core() {
    }

    public static Context<Resource> getGlobalContext() {
        return GLOBAL;
    }

    public static void checkpointRestore() throws CheckpointException, RestoreException {
        throw new CheckpointException();
    }
}
