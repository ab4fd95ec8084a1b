"""Turns the benchmark suite's raw numbers (target/bench) into src/bench/results/results.md, a bar chart
(src/bench/results/full-scan.svg) and the table between the bench markers in README.md: every figure as a ratio
to what it was measured against in the same run, and every target of issue 13 as met or missed, with the reason
(from the profiles) where missed. Standard library only."""
import datetime
import pathlib
import re
import sys

out, cores, java, node = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
results = pathlib.Path("src/bench/results")
results.mkdir(parents=True, exist_ok=True)


def tsv(name):
    """name TAB value [TAB ...] lines; values that are numbers become floats."""
    rows = {}
    for line in (out / name).read_text().splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            rows[parts[0]] = float(parts[1]) if re.fullmatch(r"-?[\d.]+", parts[1]) else parts[1]
    return rows


def wrk(name):
    text = (out / name).read_text()

    def ms(label):
        m = re.search(r"^\s*" + label + r"\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    return {"p50": ms("50%"), "p99": ms("99%"), "rps": rps,
            "errors": (int(errors.group(1)) if errors else 0) + (sum(map(int, sockets.groups())) if sockets else 0)}


engine, transport, peers, ts = tsv("engine.tsv"), tsv("transport.tsv"), tsv("peers.tsv"), tsv("ts.tsv")
guard = tsv("guard.tsv")
cli, lam = tsv("cli.tsv"), tsv("lambda.tsv")
fn, direct, load = wrk("wrk-function.txt"), wrk("wrk-direct.txt"), wrk("wrk-load.txt")
rss = int((out / "rss.txt").read_text().strip())
when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")

floor_in, floor_peers = engine["httpclient-floor"], peers["httpclient-floor"]
engine_x = engine["engine"] / floor_in
sdk_x, ts_x = peers["java-sdk"] / floor_peers, ts["ts-sdk"] / floor_peers
transport_x = transport["rest-client-transport"] / transport["httpclient-transport"]
retry_x = guard["rest-client-retried"] / guard["rest-client-bare"]
guard_x = guard["rest-client-guard"] / guard["rest-client-bare"]
overhead = fn["p50"] - direct["p50"]
jdks = [j for j in ("17", "25") if f"launcher-jdk{j}" in cli]
launcher_x = {j: cli[f"launcher-jdk{j}"] / cli[f"plain-jdk{j}"] for j in jdks}
cold_x = lam["cold-start-function"] / lam["cold-start-plain"]

lines = [
    f"Measured {when} on {cores} cores, {java}, Node {node}, by `src/bench/run.sh` against the emulator on",
    "loopback seeded with 10,000 imports (100 pages of 100). Medians; each ratio compares numbers from the same run.",
    "",
    "| full scan, keep the Failed imports | median | over its floor (java.net.http loop, same run) |",
    "|---|---|---|",
    f"| pinecone-imports engine, in-process | {engine['engine']:.0f} ms | {engine_x:.2f}x |",
    f"| official Java SDK 6.1.0 | {peers['java-sdk']:.0f} ms | {sdk_x:.2f}x |",
    f"| official TypeScript SDK 9.0.0 (Node) | {ts['ts-sdk']:.0f} ms | {ts_x:.2f}x |",
    f"| transport alone: our REST client against java.net.http | {transport['rest-client-transport']:.0f} ms "
    f"vs {transport['httpclient-transport']:.0f} ms | {transport_x:.2f}x |",
    f"| retrying, 100 pages that succeed: our loop against no retry (same client) | {guard['rest-client-retried']:.0f} ms "
    f"vs {guard['rest-client-bare']:.0f} ms | {retry_x:.2f}x |",
    f"| the same inside a SmallRye Fault Tolerance Guard, against no retry | {guard['rest-client-guard']:.0f} ms "
    f"vs {guard['rest-client-bare']:.0f} ms | {guard_x:.2f}x |",
    "",
    "| function, 8 connections | p50 | p99 | requests/s |",
    "|---|---|---|---|",
    f"| `GET /listImports?status=Failed&limit=1` | {fn['p50']:.2f} ms | {fn['p99']:.2f} ms | {fn['rps']:.0f} |",
    f"| `GET /bulk/imports?limit=100` on the emulator, direct | {direct['p50']:.2f} ms | {direct['p99']:.2f} ms | {direct['rps']:.0f} |",
    f"| overhead of the function | {overhead:.2f} ms | {fn['p99'] - direct['p99']:.2f} ms | {fn['rps'] / direct['rps']:.2f}x |",
    f"| 200 connections, `limit=100` (load) | {load['p50']:.1f} ms | {load['p99']:.1f} ms | {load['rps']:.0f} |",
    "",
    "| `list --status Failed --output ids` (same ids from each) | median of 11 | vs. plain program, same JDK | vs. Node + TS SDK |",
    "|---|---|---|---|",
]
for j in jdks:
    lines.append(f"| `target/pinecone-imports`, JDK {j} | {cli[f'launcher-jdk{j}']:.0f} ms | {launcher_x[j]:.2f}x "
                 f"| {cli[f'launcher-jdk{j}'] / cli['node-ts-sdk']:.2f}x |")
    lines.append(f"| plain java.net.http program, JDK {j} | {cli[f'plain-jdk{j}']:.0f} ms | 1.00x "
                 f"| {cli[f'plain-jdk{j}'] / cli['node-ts-sdk']:.2f}x |")
lines += [
    f"| Node script with the TypeScript SDK | {cli['node-ts-sdk']:.0f} ms | | 1.00x |",
    "",
    "| Lambda (JVM), local Runtime API, the SAM template's `JAVA_TOOL_OPTIONS` | ours | plain handler | ratio |",
    "|---|---|---|---|",
    f"| cold start: process start to first answer | {lam['cold-start-function']:.0f} ms | {lam['cold-start-plain']:.0f} ms | {cold_x:.2f}x |",
    f"| first invocation after init: unprimed vs SnapStart-primed | {lam['first-invocation-unprimed']:.0f} ms "
    f"| {lam['first-invocation-primed']:.0f} ms primed | {lam['first-invocation-unprimed'] / lam['first-invocation-primed']:.1f}x faster |",
    f"| peak RSS over {lam['invocations']:.0f} invocations | {lam['peak-rss-mb']:.0f} MB | | |",
    "",
    f"Peak RSS of the HTTP build through the load above, with the container image's options: **{rss} MB**. "
    f"Errors during the runs: {fn['errors'] + direct['errors'] + load['errors']}.",
]
targets = [
    ("engine: full scan within 1.15x of its floor", engine_x <= 1.15, f"{engine_x:.2f}x",
     f"the transport: our REST client alone takes {transport_x:.2f}x java.net.http for the same pages (profile: "
     "Vert.x event loop, RESTEasy Reactive's client pipeline and the hand-off to the calling thread). Parsing, "
     "filtering and summing, which the profile put at half the engine's time before, are now below the noise"),
    ("engine ahead of both SDKs, each over its own floor", engine_x < sdk_x and engine_x < ts_x,
     f"{engine_x:.2f}x vs {sdk_x:.2f}x (Java), {ts_x:.2f}x (TypeScript)",
     "the same transport cost: the Java SDK rides OkHttp and the TypeScript SDK fetch, both lighter per request "
     "than the Quarkus REST client the product is built on"),
    ("function overhead at most 1 ms p50 at 8 connections", overhead <= 1, f"{overhead:.2f} ms",
     "profile of the function under this load (async-profiler, CPU): reading the whole upstream page of 100 "
     "imports to answer one is about a third of its worker time, the REST client call a quarter (a fifth of that "
     "is MicroProfile header propagation looking up the server request on every call), Funqy's dispatch and "
     "JSON the rest; on two cores shared with wrk and the emulator, CPU queueing adds the remainder"),
]
targets += [(f"command line: launcher within 1.25x of the plain program, JDK {j}", launcher_x[j] <= 1.25,
             f"{launcher_x[j]:.2f}x", "Quarkus and picocli start-up left after the class archive") for j in jdks]
targets += [
    ("Lambda: peak RSS at most 128 MB over 1,000 invocations", lam["peak-rss-mb"] <= 128, f"{lam['peak-rss-mb']:.0f} MB",
     "the JVM's own footprint under the template's options"),
    ("HTTP build: at most 160 MB under load", rss <= 160, f"{rss} MB", "Vert.x, Netty and the worker pool under 200 connections"),
    ("Lambda cold start within 2x of a plain handler", cold_x <= 2, f"{cold_x:.2f}x", "Quarkus and CDI start-up"),
]
lines += ["", "| target | met | measured | why, where missed |", "|---|---|---|---|"]
lines += [f"| {t} | {'met' if ok else 'missed'} | {m} | {'' if ok else why} |" for t, ok, m, why in targets]
table = "\n".join(lines)
# the profiles that shaped the code are kept by hand below the measured tables
previous = (results / "results.md").read_text() if (results / "results.md").exists() else ""
kept = previous[previous.index("\n## Profiles"):] if "\n## Profiles" in previous else ""
(results / "results.md").write_text("# Benchmark results\n\n" + table + "\n\n![full scan](full-scan.svg)\n" + kept)

# a horizontal bar chart of the full scan over each contestant's floor, in plain SVG
bars = [("pinecone-imports engine", engine_x), ("official Java SDK", sdk_x), ("official TypeScript SDK", ts_x),
        ("java.net.http loop (floor)", 1.0)]
width, bar_h, gap, left, top = 720, 26, 12, 250, 40
longest = max(v for _, v in bars)
svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{top + len(bars) * (bar_h + gap) + 20}" '
       'font-family="sans-serif" font-size="13">',
       '<text x="10" y="22" font-size="15" font-weight="bold">Full scan of 10,000 imports over its floor (lower is better)</text>']
for i, (name, value) in enumerate(bars):
    y = top + i * (bar_h + gap)
    w = (width - left - 90) * value / longest
    colour = "#2b7bb9" if name.startswith("pinecone") else "#9aa5b1"
    svg.append(f'<text x="10" y="{y + 18}">{name}</text>')
    svg.append(f'<rect x="{left}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{colour}"/>')
    svg.append(f'<text x="{left + w + 6:.1f}" y="{y + 18}">{value:.2f}x</text>')
svg.append("</svg>")
(results / "full-scan.svg").write_text("\n".join(svg) + "\n")

readme = pathlib.Path("README.md")
text = readme.read_text()
start, end = "<!-- bench:start -->", "<!-- bench:end -->"
if start in text and end in text:
    section = f"{start}\n{table}\n\n![Full scan over its floor](src/bench/results/full-scan.svg)\n{end}"
    text = text[: text.index(start)] + section + text[text.index(end) + len(end):]
    readme.write_text(text)
print(table)
