package io.github.pineconeimports.cli;

import io.github.pineconeimports.failure.Failure;
import io.github.pineconeimports.failure.PineconeException;

/**
 * Some of the imports a command named could not be reached, each already said on its own line; the command ends
 * with the first one's exit code, and says so once rather than repeat that line.
 */
final class PartlyFailed extends Failure {

    /** A failure that every other import would meet too (a setting, the key refused): said once, at once. */
    static boolean sameForEvery(Failure failure) {
        return failure.kind() == Failure.Kind.NOT_CONFIGURED
                || failure instanceof PineconeException rejected && rejected.httpStatus() == 401;
    }

    PartlyFailed(Failure first, int failed, int named, String what) {
        super(first.kind(), failed + " of " + named + " import(s) " + what + "; each is said above", first);
    }
}
