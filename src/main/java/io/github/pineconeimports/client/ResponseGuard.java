package io.github.pineconeimports.client;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.core.MediaType;

/**
 * Refuses a successful answer that cannot be a page of imports before it is parsed: one that is not JSON (a
 * proxy's HTML page, say) or larger than any page of 100 imports can be.
 */
class ResponseGuard implements ClientResponseFilter {

    /** 100 imports with long URIs and error texts stay far below this. */
    static final long MAX_BODY = 4L * 1024 * 1024;

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (response.getStatus() / 100 != 2) {
            return;
        }
        MediaType type = response.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            throw new PineconeException(200, null, "content type " + type + ", not application/json", null);
        }
        if (response.getLength() > MAX_BODY) {
            throw new PineconeException(200, null, "a body of " + response.getLength() + " bytes, over the "
                    + MAX_BODY + "-byte cap", null);
        }
    }
}
