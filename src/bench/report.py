"""Turns the benchmark suite's raw numbers (target/bench) into src/bench/results/results.md, a bar chart
(src/bench/results/full-scan.svg) and the table between the bench markers in README.md. Standard library only."""
import datetime
import pathlib
import re
import sys

out, cores, java, node = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
results = pathlib.Path("src/bench/results")
results.mkdir(parents=True, exist_ok=True)


def tsv(name):
    rows = {}
    for line in (out / name).read_text().splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            rows[parts[0]] = [float(parts[1])] + parts[2:]
    return rows


def wrk(name):
    text = (out / name).read_text()
    def ms(label):
        m = re.search(r"^\s*" + label + r"\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    return {"p50": ms("50%"), "p99": ms("99%"), "rps": rps, "errors": int(errors.group(1)) if errors else 0}


engine, peers, ts = tsv("engine.tsv"), tsv("peers.tsv"), tsv("ts.tsv")
floor_a, floor_b = engine["httpclient-floor"][0], peers["httpclient-floor"][0]
scan = [
    ("pinecone-imports engine", engine["engine"][0], floor_a),
    ("official Java SDK 6.1.0", peers["java-sdk"][0], floor_b),
    ("official TypeScript SDK 9.0.0", ts["ts-sdk"][0], floor_b),
    ("bare java.net.http loop (floor)", (floor_a + floor_b) / 2, None),
]
fn, direct = wrk("wrk-function.txt"), wrk("wrk-direct.txt")
cli = tsv("cli.tsv")
rss = int((out / "rss.txt").read_text().strip())
when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")

lines = [
    f"Measured {when} on {cores} cores, {java}, Node {node}, by `src/bench/run.sh` against the emulator on",
    "loopback seeded with 10,000 imports (100 pages of 100). Medians; each ratio compares numbers from the same run.",
    "",
    "| full scan, keep the Failed imports | median | vs. the floor in the same run | engine vs. it, each over its floor |",
    "|---|---|---|---|",
]
engine_norm = engine["engine"][0] / floor_a
for name, value, floor in scan:
    ratio = f"{value / floor:.2f}x" if floor else "1.00x"
    versus = "" if name.startswith("pinecone") or name.startswith("bare") else f"{engine_norm / (value / floor):.2f}x"
    lines.append(f"| {name} | {value:.0f} ms | {ratio} | {versus} |")
lines += [
    "",
    "| function overhead (8 connections) | p50 | p99 | requests/s |",
    "|---|---|---|---|",
    f"| `GET /listImports?status=Failed&limit=1` (one upstream page) | {fn['p50']:.2f} ms | {fn['p99']:.2f} ms | {fn['rps']:.0f} |",
    f"| `GET /bulk/imports?limit=100` on the emulator, direct | {direct['p50']:.2f} ms | {direct['p99']:.2f} ms | {direct['rps']:.0f} |",
    f"| overhead of the function | {fn['p50'] - direct['p50']:.2f} ms | {fn['p99'] - direct['p99']:.2f} ms | {fn['rps'] / direct['rps']:.2f}x |",
    "",
    "| `list --status Failed --output json`, end to end | median of 7 | vs. Node + TS SDK |",
    "|---|---|---|",
    f"| JVM as shipped | {cli['cli-jvm'][0]:.0f} ms | {cli['cli-jvm'][0] / cli['node-ts-sdk'][0]:.2f}x |",
    f"| JVM, `-XX:TieredStopAtLevel=1` | {cli['cli-jvm-c1'][0]:.0f} ms | {cli['cli-jvm-c1'][0] / cli['node-ts-sdk'][0]:.2f}x |",
    f"| Node script with the TypeScript SDK | {cli['node-ts-sdk'][0]:.0f} ms | 1.00x |",
    "",
    f"Peak RSS of the function under the load above with `-Xmx64m`: **{rss} MB** "
    + ("(fits a 128 MB Lambda)." if rss < 128 else "(over a 128 MB Lambda: use 256 MB on the JVM, or the native build)."),
    f"Errors during the load: {fn['errors'] + direct['errors']}.",
]
sdk_norm = peers["java-sdk"][0] / floor_b
ts_norm = ts["ts-sdk"][0] / floor_b
targets = [
    ("full scan within 1.2x of the floor", engine_norm <= 1.2, f"{engine_norm:.2f}x",
     "not profiled yet; likely the typed records (every timestamp parsed), the REST client and the retry "
     "interceptor, where the floor walks a JSON tree; runs on this shared 2-core machine vary widely (a first run "
     "gave 1.18x)"),
    ("full scan ahead of both SDKs (each over its own floor)", engine_norm < sdk_norm and engine_norm < ts_norm,
     f"{engine_norm:.2f}x against {sdk_norm:.2f}x (Java) and {ts_norm:.2f}x (TypeScript)",
     "not profiled yet; the same per-page costs as above, which the SDKs' simpler loops do not pay"),
    ("function overhead under 1 ms at p50", fn["p50"] - direct["p50"] < 1, f"{fn['p50'] - direct['p50']:.2f} ms",
     "a call is a whole upstream request through the REST client plus parsing and re-serialising a page, on two "
     "cores shared with the load generator and the emulator"),
    ("command line no slower than the Node SDK script", cli["cli-jvm-c1"][0] <= cli["node-ts-sdk"][0],
     f"{cli['cli-jvm-c1'][0] / cli['node-ts-sdk'][0]:.2f}x", "JVM and Quarkus start-up (about 2 s here); a native "
     "build (-Dnative, not possible on this machine) starts in tens of milliseconds"),
    ("RSS under 128 MB", rss < 128, f"{rss} MB", "the JVM, Quarkus, Vert.x and Netty with an HTTP server: the JVM "
     "build needs a 256 MB Lambda; the native build is the way to 128 MB"),
]
lines += ["", "| target | met | measured | why, where missed |", "|---|---|---|---|"]
lines += [f"| {t} | {'yes' if ok else 'no'} | {m} | {'' if ok else why} |" for t, ok, m, why in targets]
table = "\n".join(lines)
(results / "results.md").write_text("# Benchmark results\n\n" + table + "\n\n![full scan](full-scan.svg)\n")

# a horizontal bar chart of the full scan, in plain SVG
width, bar_h, gap, left = 720, 26, 12, 250
top = 40
longest = max(v for _, v, _ in scan)
svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{top + len(scan) * (bar_h + gap) + 20}" '
       'font-family="sans-serif" font-size="13">',
       f'<text x="10" y="22" font-size="15" font-weight="bold">Full scan of 10,000 imports, keep the Failed ones (median ms, lower is better)</text>']
for i, (name, value, _) in enumerate(scan):
    y = top + i * (bar_h + gap)
    w = (width - left - 90) * value / longest
    colour = "#2b7bb9" if name.startswith("pinecone") else "#9aa5b1"
    svg.append(f'<text x="10" y="{y + 18}">{name}</text>')
    svg.append(f'<rect x="{left}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{colour}"/>')
    svg.append(f'<text x="{left + w + 6:.1f}" y="{y + 18}">{value:.0f} ms</text>')
svg.append("</svg>")
(results / "full-scan.svg").write_text("\n".join(svg) + "\n")

readme = pathlib.Path("README.md")
text = readme.read_text()
start, end = "<!-- bench:start -->", "<!-- bench:end -->"
if start in text and end in text:
    section = f"{start}\n{table}\n\n![Full scan: median ms](src/bench/results/full-scan.svg)\n{end}"
    text = text[: text.index(start)] + section + text[text.index(end) + len(end):]
    readme.write_text(text)
print(table)
