package io.github.pineconeimports.lambda.checkpoint;

/** The stand-in's restore failure, shaped as CRaC's. */
public class RestoreException extends Exception {
}
