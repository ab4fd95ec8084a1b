#!/usr/bin/env python3
"""The command line against its peers, side by side in one run: wall time, CPU time (user and system) and peak RSS
(medians) of printing the ids of the Failed imports, on a one-page listing (80 imports) and a 100-page listing
(10,000 imports), each from an emulator of its own on loopback whose clock stands still, so every contestant sees
the same imports.

  src/bench/cli.py [--rounds N] [--tsv FILE] [NAME=EXECUTABLE | NAME:=COMMAND ...]

Contestants: the JVM launcher (target/pinecone-imports, after `mvn package`), Node with the official TypeScript
SDK (installed under target/bench-cli, never in a lock file), and each one given: NAME=EXECUTABLE runs that
executable's `list --status Failed --output ids` (the native command line), NAME:=COMMAND runs a command line as
it is (a plain program that does the same listing; the index host and key are in its environment). Every
contestant must print the same ids. Prints a Markdown table (and with --tsv writes listing, name, wall ms, CPU ms,
RSS MB); Linux and macOS (CPU and peak RSS from the kernel's rusage of each run)."""
import argparse
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LAUNCHER = os.path.join(ROOT, "target", "pinecone-imports")
WORK = os.path.join(ROOT, "target", "bench-cli")
KEY = "pclocal-emulator-key"
LISTINGS = [("one page (80 imports)", 80), ("100 pages (10,000 imports)", 10_000)]


def emulator(imports, port_file):
    """The JVM emulator with this many imports and a clock that stands still (a step every 1000 days)."""
    if os.path.exists(port_file):
        os.remove(port_file)
    process = subprocess.Popen([LAUNCHER, "emulator", "--port", "0", "--port-file", port_file, "--imports",
                                str(imports), "--start-time", "2026-01-01T00:00:00Z", "--tick", "1000d", "--for",
                                "3600s"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not (os.path.exists(port_file) and open(port_file).read().strip()):
        if process.poll() is not None or time.monotonic() > deadline:
            sys.exit(f"the emulator with {imports} imports did not start")
        time.sleep(0.1)
    return process, "http://127.0.0.1:" + open(port_file).read().strip()


def node_contestant():
    """Node with @pinecone-database/pinecone, running src/bench/node/list-failed.mjs."""
    node_dir = os.path.join(WORK, "node")
    if not os.path.isdir(os.path.join(node_dir, "node_modules", "@pinecone-database", "pinecone")):
        subprocess.run(["npm", "install", "--silent", "--no-save", "--no-package-lock", "--no-audit", "--no-fund",
                        "--prefix", node_dir, "@pinecone-database/pinecone@9.0.0"], check=True,
                       stdout=subprocess.DEVNULL)
    shutil.copy(os.path.join(ROOT, "src", "bench", "node", "list-failed.mjs"), node_dir)
    return ["node", os.path.join(node_dir, "list-failed.mjs")]


def run(command, env):
    """One run: (ids printed, wall seconds, CPU seconds, peak RSS in MB)."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        err = process.stderr.read().decode()
        process.stderr.close()
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"{command} failed: {err}")
        out.seek(0)
        ids = sorted(out.read().decode().split())
    # ru_maxrss is in kilobytes on Linux and in bytes on macOS
    rss = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return ids, wall, usage.ru_utime + usage.ru_stime, rss


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=11)
    parser.add_argument("--tsv", help="also write the medians here, a line per listing and contestant")
    parser.add_argument("extra", nargs="*", metavar="NAME=EXECUTABLE|NAME:=COMMAND")
    args = parser.parse_args()
    if not os.access(LAUNCHER, os.X_OK):
        sys.exit("build the launcher first: mvn package -DskipTests -DskipBindings")
    os.makedirs(WORK, exist_ok=True)
    contestants = {"JVM launcher": [LAUNCHER, "list", "--status", "Failed", "--output", "ids"]}
    for extra in args.extra:
        name, executable = extra.split("=", 1)
        if name.endswith(":"):
            contestants[name[:-1]] = shlex.split(executable)
        else:
            contestants[name] = [os.path.abspath(executable), "list", "--status", "Failed", "--output", "ids"]
    contestants["Node + TypeScript SDK"] = node_contestant()

    rows, medians = [], []
    for label, imports in LISTINGS:
        process, url = emulator(imports, os.path.join(WORK, f"emulator-{imports}.port"))
        try:
            env = dict(os.environ, PINECONE_INDEX_HOST=url, PINECONE_API_KEY=KEY)
            for key in ("PINECONE_INDEX", "PINECONE_CONTROLLER_HOST", "PINECONE_API_KEY_SECRET"):
                env.pop(key, None)
            expected = None
            for name, command in contestants.items():  # a warm-up each (and the launcher's class archive)
                ids = run(command, env)[0]
                expected = expected if expected is not None else ids
                if ids != expected or not ids:
                    sys.exit(f"{name} printed other ids than {next(iter(contestants))} on {label}")
            samples = {name: [] for name in contestants}
            for _ in range(args.rounds):  # interleaved, so that a busy moment costs every contestant alike
                for name, command in contestants.items():
                    samples[name].append(run(command, env)[1:])
            base = statistics.median(w for w, _, _ in samples["Node + TypeScript SDK"])
            for name, runs in samples.items():
                wall = statistics.median(w for w, _, _ in runs)
                cpu = statistics.median(c for _, c, _ in runs)
                rss = statistics.median(r for _, _, r in runs)
                rows.append(f"| {label} | {name} | {wall * 1000:.0f} ms | {cpu * 1000:.0f} ms | {wall / base:.2f}x "
                            f"| {rss:.0f} MB |")
                medians.append(f"{imports}\t{name}\t{wall * 1000:.1f}\t{cpu * 1000:.1f}\t{rss:.1f}")
        finally:
            process.terminate()
            process.wait()
    print(f"Failed imports' ids, median of {args.rounds} interleaved runs each, on {sys.platform} "
          f"({os.cpu_count()} CPUs)\n")
    print("| listing | command line | wall time | CPU time | wall time against Node | peak RSS |")
    print("|---|---|---|---|---|---|")
    print("\n".join(rows))
    if args.tsv:
        with open(args.tsv, "w") as tsv:
            tsv.write("\n".join(medians) + "\n")


if __name__ == "__main__":
    main()
