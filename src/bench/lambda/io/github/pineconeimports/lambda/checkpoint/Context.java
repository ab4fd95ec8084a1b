package io.github.pineconeimports.lambda.checkpoint;

/** The stand-in's context, shaped as CRaC's: a resource that holds resources. */
public abstract class Context<R extends Resource> implements Resource {

    public abstract void register(R resource);

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
    }
}
