#!/usr/bin/python3
"""Turns a JMH JSON result file (-rf json) of the bench module into the tables of BENCHMARKS.md.

  /usr/bin/python3 bench/scripts/summarize.py bench/target/jmh.json

Prints Markdown: framing vs Netty (frames/s, bytes/s, ratios, bytes allocated per frame when
the run had -prof gc), scan speed vs memory (fractions) and end to end over loopback TCP.
"""
import json
import sys

# the floors: streamframer / Netty called directly, per workload
DIRECT_TARGETS = {"LF16": 3.0, "LF64": 2.5, "LF1024": 1.5}
EMBEDDED_TARGET = 5.0
FRAMES_PER_OP = {"LF16": 65536, "LF64": 16384, "LF1024": 1024, "CRLF64": 16384,
                 "DELIM2_64": 16384, "LEN4_256": 4096, "FIXED256": 4096}


def metric(r, name):
    for k, v in r.get("secondaryMetrics", {}).items():
        if k == name or k.endswith("." + name) or k.endswith(name):
            return v["score"]
    return None


def fmt(x, unit=""):
    if x is None:
        return "-"
    for div, suffix in ((1e9, " G"), (1e6, " M"), (1e3, " k")):
        if abs(x) >= div:
            return "%.2f%s%s" % (x / div, suffix, unit)
    return "%.0f%s" % (x, (" " + unit) if unit else "")


def main(path):
    results = json.load(open(path))
    by = {}
    for r in results:
        name = r["benchmark"].rsplit(".", 2)
        cls, method = name[-2], name[-1]
        params = r.get("params", {})
        by[(cls, method, params.get("workload") or params.get("frameBytes") or "")] = r

    rows = sorted({k[2] for k in by if k[0] == "FramingVsNettyBenchmark"},
                  key=lambda w: list(FRAMES_PER_OP).index(w) if w in FRAMES_PER_OP else 99)
    if rows:
        print("| workload | streamframer frames/s | bytes/s | Netty direct frames/s | bytes/s | Netty embedded frames/s"
              " | ratio vs direct (floor) | ratio vs embedded (floor 5) | alloc B/op ours | B/frame ours | B/frame Netty direct |")
        print("|---|---|---|---|---|---|---|---|---|---|---|")
        for w in rows:
            s = by.get(("FramingVsNettyBenchmark", "streamframer", w))
            d = by.get(("FramingVsNettyBenchmark", "nettyDirect", w))
            e = by.get(("FramingVsNettyBenchmark", "nettyEmbedded", w))
            sf = metric(s, "frames") if s else None
            df = metric(d, "frames") if d else None
            ef = metric(e, "frames") if e else None
            ratio_d = sf / df if sf and df else None
            ratio_e = sf / ef if sf and ef else None
            floor = DIRECT_TARGETS.get(w, 1.0)
            mark_d = "" if ratio_d is None else (" ok" if ratio_d >= floor else " MISSED")
            mark_e = "" if ratio_e is None else (" ok" if ratio_e >= EMBEDDED_TARGET else " MISSED")
            alloc_s = metric(s, "gc.alloc.rate.norm") if s else None
            alloc_d = metric(d, "gc.alloc.rate.norm") if d else None
            fpo = FRAMES_PER_OP.get(w)
            print("| %s | %s | %s | %s | %s | %s | %s (%.1f)%s | %s%s | %s | %s | %s |" % (
                w, fmt(sf), fmt(metric(s, "bytes") if s else None, "B/s"), fmt(df),
                fmt(metric(d, "bytes") if d else None, "B/s"), fmt(ef),
                "-" if ratio_d is None else "%.2f" % ratio_d, floor, mark_d,
                "-" if ratio_e is None else "%.2f" % ratio_e, mark_e,
                "-" if alloc_s is None else "%.0f" % alloc_s,
                "-" if alloc_s is None else "%.4f" % (alloc_s / fpo),
                "-" if alloc_d is None else "%.1f" % (alloc_d / fpo)))
        print()

    scan = {m: by.get(("ScanLimitBenchmark", m, "")) for m in ("frameLines", "arraycopyChunks", "arraycopyWhole", "readLongs")}
    if scan["frameLines"]:
        f = scan["frameLines"]["primaryMetric"]["score"]
        print("| 1 MiB of 1 KiB lines | ops/s (x 1 MiB = bytes/s) | framing as a fraction of it (floor 0.4 vs arraycopyWhole) |")
        print("|---|---|---|")
        for m in ("frameLines", "arraycopyChunks", "arraycopyWhole", "readLongs"):
            if scan[m]:
                v = scan[m]["primaryMetric"]["score"]
                print("| %s | %.0f | %.2f |" % (m, v, f / v))
        print()

    tcp = {(m, fb): by.get(("TcpEndToEndBenchmark", m, fb)) for m in ("rawSocket", "readerService") for fb in ("64", "1024")}
    if any(tcp.values()):
        print("| loopback TCP, line length | raw socket bytes/s | ReaderService bytes/s | ReaderService frames/s | fraction of raw (floor 0.9 at 1 KiB) |")
        print("|---|---|---|---|---|")
        for fb in ("64", "1024"):
            raw = tcp[("rawSocket", fb)]
            rs = tcp[("readerService", fb)]
            rb = metric(raw, "bytes") if raw else None
            sb = metric(rs, "bytes") if rs else None
            print("| %s B | %s | %s | %s | %s |" % (fb, fmt(rb, "B/s"), fmt(sb, "B/s"),
                                                   fmt(sb / int(fb)) if sb else "-",
                                                   "%.2f" % (sb / rb) if rb and sb else "-"))
        print()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
