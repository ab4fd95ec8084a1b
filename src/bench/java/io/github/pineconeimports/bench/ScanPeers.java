package io.github.pineconeimports.bench;

import java.util.List;
import java.util.function.IntSupplier;

import io.pinecone.clients.AsyncIndex;
import io.pinecone.configs.PineconeConfig;
import io.pinecone.configs.PineconeConnection;

/**
 * Full scan, keep the Failed imports: the official Java SDK's listImports loop against the floor, side by side
 * in one JVM. Prints "name TAB median ms TAB failed count".
 * Usage: ScanPeers HOST:PORT API_KEY WARMUP ROUNDS
 */
public class ScanPeers {

    public static void main(String[] args) {
        String host = args[0];
        String key = args[1];
        PineconeConfig config = new PineconeConfig(key);
        config.setHost(host);
        config.setTLSEnabled(false);
        AsyncIndex sdk = new AsyncIndex(config, new PineconeConnection(config), "bench");
        IntSupplier sdkScan = () -> {
            try {
                int failed = 0;
                String token = null;
                do {
                    var page = sdk.listImports(100, token);
                    for (var model : page.getData()) {
                        if ("Failed".equals(String.valueOf(model.getStatus()))) {
                            failed++;
                        }
                    }
                    token = page.getPagination() == null ? null : page.getPagination().getNext();
                } while (token != null && !token.isEmpty());
                return failed;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        System.out.print(SideBySide.run(List.of("java-sdk", "httpclient-floor"),
                List.of(sdkScan, SideBySide.floor(host, key)), Integer.parseInt(args[2]), Integer.parseInt(args[3])));
        System.exit(0);
    }
}
