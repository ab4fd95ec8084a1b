package io.github.pineconeimports.lambda.checkpoint;

/** The stand-in's resource, shaped as CRaC's. */
public interface Resource {

    void beforeCheckpoint(Context<? extends Resource> context) throws Exception;

    void afterRestore(Context<? extends Resource> context) throws Exception;
}
