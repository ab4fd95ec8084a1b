package io.github.pineconeimports.lambda.checkpoint;

/** The stand-in's checkpoint failure, shaped as CRaC's. */
public class CheckpointException extends Exception {
}
