package io.github.pineconeimports.function.lambda;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The AWS Parameters and Secrets Lambda Extension's local HTTP API (localhost, port 2773 unless
 * {@code PARAMETERS_SECRETS_EXTENSION_HTTP_PORT} says otherwise), authorized by the function's session token.
 */
@Path("/secretsmanager/get")
@Produces(MediaType.APPLICATION_JSON)
public interface SecretsExtensionApi extends AutoCloseable {

    @GET
    String get(@QueryParam("secretId") String secretId,
            @HeaderParam("X-Aws-Parameters-Secrets-Token") String sessionToken);
}
