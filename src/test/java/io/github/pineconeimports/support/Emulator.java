package io.github.pineconeimports.support;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;

/** Reads the emulator's raw pages directly, as an oracle independent of the engine under test. */
public final class Emulator {

    public static final String KEY = "pclocal-emulator-key";

    private Emulator() {
    }

    /** Every import the emulator holds, in listing order, fetched page by page with its own tokens. */
    public static List<Map<String, Object>> everything() {
        List<Map<String, Object>> all = new ArrayList<>();
        String token = null;
        do {
            var request = given().header("Api-Key", KEY).queryParam("limit", 100);
            if (token != null) {
                request.queryParam("paginationToken", token);
            }
            JsonPath page = request.get("/bulk/imports").then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("data"));
            token = page.getString("pagination.next");
        } while (token != null);
        return all;
    }

    public static List<String> idsWithStatus(List<Map<String, Object>> imports, String... statuses) {
        List<String> wanted = List.of(statuses);
        return imports.stream().filter(i -> wanted.contains(i.get("status"))).map(i -> (String) i.get("id")).toList();
    }
}
