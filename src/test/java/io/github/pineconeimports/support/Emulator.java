package io.github.pineconeimports.support;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.github.pineconeimports.emulator.EmulatorSettings;

/** Reads the emulator's raw pages directly, as an oracle independent of the engine under test. */
public final class Emulator {

    public static final String KEY = EmulatorSettings.API_KEY;

    private Emulator() {
    }

    /** Every import the emulator holds, in listing order, fetched page by page with its own tokens. */
    public static List<Map<String, Object>> everything() {
        return Walk.collect(
                Walk.pages(() -> given().header("Api-Key", KEY).queryParam("limit", 100), "/bulk/imports", 1_000), "");
    }

    public static List<String> idsWithStatus(List<Map<String, Object>> imports, String... statuses) {
        List<String> wanted = List.of(statuses);
        return imports.stream().filter(i -> wanted.contains(i.get("status"))).map(i -> (String) i.get("id")).toList();
    }
}
