"""Turn a results JSON into the section of docs/benchmarks.md between the peers markers and
the chart docs/benchmarks-peers.png. Only that section is replaced; the rest of the file is
left as it is. Also a command: ``python -m bench.peers.report bench/peers/results/<file>.json``.

Figures are medians over the repetitions, except peak memory, which is the highest seen.
"""

from __future__ import annotations

import json
import statistics
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from bench.peers.peers import OPS, PEERS

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "benchmarks.md"
CHART = ROOT / "docs" / "benchmarks-peers.png"
BEGIN, END = "<!-- peers:begin -->", "<!-- peers:end -->"
MEDIANS = ("throughput", "p50_ms", "p99_ms", "cpu_ms_per_request")

Key = tuple[str, str, int, str]  # image, op, concurrency, peer


def aggregate(result: dict[str, Any]) -> dict[Key, dict[str, Any]]:
    """One summary per (image, op, concurrency, peer) over its repetitions."""
    groups: dict[Key, list[dict[str, Any]]] = defaultdict(list)
    for cell in result["cells"]:
        groups[(cell["image"], cell["op"], cell["concurrency"], cell["peer"])].append(cell)
    summary = {}
    for key, cells in groups.items():
        good = [cell for cell in cells if "failed" not in cell and cell["completed"]]
        row: dict[str, Any] = {
            "reps": len(good),
            "errors": sum(cell.get("errors", 0) for cell in cells),
            "failed": next((cell["failed"] for cell in cells if "failed" in cell), None),
        }
        for field in MEDIANS:
            values = [cell[field] for cell in good if cell[field] is not None]
            row[field] = statistics.median(values) if values else None
        for field in ("peak_rss_mb", "peak_pss_mb"):
            row[field] = max((cell[field] for cell in good), default=None)
        summary[key] = row
    return summary


def _cell_text(row: dict[str, Any] | None) -> str:
    if row is None:
        return "-"
    if not row["reps"]:
        return f"failed: {(row['failed'] or 'no request completed')[:60]}"
    text = (
        f"{row['throughput']:.1f} · {row['p50_ms']:.0f}/{row['p99_ms']:.0f} · "
        f"{row['cpu_ms_per_request']:.0f} · {row['peak_rss_mb']:.0f}"
    )
    return text + (f" ({row['errors']} errors)" if row["errors"] else "")


def _ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.2f}x" if a is not None and b else "-"


def targets(result: dict[str, Any], summary: dict[Key, dict[str, Any]]) -> list[str]:
    """The issue's targets, for the thumbnail operation, as ratios pixmill / peer."""
    concurrency = result["config"]["concurrency"]
    low, high = min(concurrency), max(concurrency)
    mid = 4 if 4 in concurrency else high

    def value(image: str, c: int, peer: str, field: str) -> float | None:
        return (summary.get((image, "thumbnail", c, peer)) or {}).get(field)

    def peak(peer: str, field: str) -> float | None:
        peaks = [
            row[field]
            for (_, _, c, name), row in summary.items()
            if name == peer and c == high and row[field] is not None
        ]
        return max(peaks, default=None)

    rows = [
        (f"1080p c={mid} throughput / sharp's", "throughput", "1080p", mid, "sharp", ">= 1.0x"),
        (f"1080p c={mid} throughput / thumbor's", "throughput", "1080p", mid, "thumbor", ">= 1.3x"),
        (f"1080p c={high} p99 / sharp's", "p99_ms", "1080p", high, "sharp", "<= 1.0x"),
        (f"12 MP CPU per request (c={low}) / the floor's", "cpu_ms_per_request", "12mp", low,
         "floor", "<= 1.15x"),
    ]  # fmt: skip
    lines = [
        "| target | pixmill-blob | pixmill-link | goal |",
        "|---|---:|---:|---|",
    ]
    for label, field, image, c, peer, goal in rows:
        theirs = value(image, c, peer, field)
        ours = [_ratio(value(image, c, name, field), theirs) for name in PEERS[:2]]
        lines.append(f"| {label} | {ours[0]} | {ours[1]} | {goal} |")
    for field, goal in (("peak_rss_mb", "<= 1.25x"), ("peak_pss_mb", "(RSS counts shared pages)")):
        ours = [_ratio(peak(name, field), peak("sharp", field)) for name in PEERS[:2]]
        label = f"peak {field[5:8].upper()} at c={high} (any image or op) / sharp's"
        lines.append(f"| {label} | {ours[0]} | {ours[1]} | {goal} |")
    return lines


def tables(result: dict[str, Any], summary: dict[Key, dict[str, Any]]) -> list[str]:
    peers = [peer for peer in PEERS if any(key[3] == peer for key in summary)]
    lines: list[str] = []
    for image in result["images"]:
        key = image["name"].rsplit(".", 1)[0]
        size = f"{image['width']}x{image['height']} {image['format'].upper()}"
        lines += ["", f"#### {key}: {size}, {image['bytes'] / 1e6:.2f} MB", ""]
        lines.append("| op | c | " + " | ".join(peers) + " |")
        lines.append("|---|---:|" + "---|" * len(peers))
        for op in result["config"]["ops"]:
            for c in result["config"]["concurrency"]:
                cells = [_cell_text(summary.get((key, op, c, peer))) for peer in peers]
                lines.append(f"| {op} | {c} | " + " | ".join(cells) + " |")
    return lines


def section(result: dict[str, Any], chart: str | None) -> str:
    config, versions, machine = result["config"], result["versions"], result["machine"]
    summary = aggregate(result)
    smoke = result["label"] == "smoke"
    lines = [BEGIN, "## Side by side: pixmill, sharp, thumbor and the libjpeg-turbo floor", ""]
    if smoke:
        lines += [
            "**Full run pending** (`make bench-peers`). The figures below are from a **SMOKE "
            "RUN**: a handful of requests per cell, one repetition, on a machine busy with other "
            "test suites. They only prove the harness works end to end; they say nothing about "
            "speed.",
            "",
        ]
    pattern = "not a measurement" if smoke else "the measurement"
    lines += [
        f"Generated by `python -m bench.peers` (`make bench-peers`; {pattern}); edit nothing "
        "between the markers. Run "
        f"{result['started']} to {result['finished']} ({result['label']}"
        + (", stopped by its time budget" if result["truncated"] else "")
        + f"): up to {config['requests']} requests per cell (at most {config['cell_seconds']:g} s"
        f" each) after {config['warmup']} warm-up requests, {config['repeat']} repetition(s) "
        f"interleaved, load average {machine['loadavg_before'][0]:.1f} before and "
        f"{machine['loadavg_after'][0]:.1f} after. Machine: {machine['cores']} cores, "
        f"{machine['cpu']}, Linux {machine['kernel']}.",
        "",
        "Versions: " + ", ".join(f"{name} {version}" for name, version in versions.items()) + ".",
        "",
        "- **pixmill-blob / pixmill-link**: `pixmill serve` with its defaults (2 worker "
        "processes, 1 libvips thread each), called as a PixLab client calls it: GET with `img` a "
        "URL that pixmill fetches from a static file server on loopback (the full path; the "
        "file server is not measured). blob: `blob=true`, the bytes in the reply. link: the "
        "JSON reply, then a GET of its `link` (both measured). Endpoints: `thumbnail` width=800, "
        f"`crop`, `rotate` degree=90, `{result['pixmill_blur_endpoint']}` radius=15 sigma=5, "
        "`convert` export=webp.",
        "- **sharp**: `bench/peers/sharp_server.js`, Node's http module around sharp (cache off, "
        "otherwise defaults), reading the file from disk per request: `resize({width: 800})`, "
        "`extract`, `rotate(90)`, `blur(5)` (libvips sizes the kernel), `webp({quality: 85})`.",
        "- **thumbor**: 1 process, 2 engine threads, PIL engine, file loader, unsafe URLs "
        "(`800x0`, `x1xy1:x2xy2`, `rotate(270)` as it turns counter-clockwise, `blur(15,5)`, "
        "`format(webp)`), q85, baseline JPEG.",
        "- **floor**: no server: `djpeg -scale M/8` (the smallest DCT scale still >= 800 px "
        "wide) piped into `cjpeg -quality 85 -optimize`; thumbnail of the JPEGs only.",
        "",
        "Same inputs and outputs for all: JPEG q85 (PNG for the PNG input), WebP q85 for webp; "
        "every peer's first output in each cell is decoded and its size and format checked. "
        "**CPU ms per request** is user+sys of the server's whole process tree (workers, "
        "threads) over the requests: the figure to trust on a shared machine. Peak RSS is the "
        f"tree's summed resident memory sampled every {config['sample_interval'] * 1000:g} ms "
        "(PSS too in the JSON). /proc counts CPU in 10 ms ticks, so a cell of N requests resolves "
        "CPU per request to about 10/N ms (the floor's is exact: wait4).",
        "",
        "### Targets (thumbnail to 800 px; pixmill / peer)",
        "",
        *targets(result, summary),
    ]
    if chart:
        lines += ["", f"![pixmill and its peers side by side]({chart})"]
    lines += [
        "",
        "### Every cell",
        "",
        "Each cell: requests/s · p50/p99 latency ms · CPU ms per request · peak RSS MB.",
        *tables(result, summary),
        END,
    ]
    return "\n".join(lines) + "\n"


def draw(result: dict[str, Any], path: Path) -> None:
    """Four panels: 1080p throughput at c=4, 1080p p99 at the highest c, 12 MP CPU per
    request at the lowest c, peak RSS at the highest c on 12 MP."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    summary = aggregate(result)
    config = result["config"]
    keys = [image["name"].rsplit(".", 1)[0] for image in result["images"]]
    conc = config["concurrency"]
    low, high = min(conc), max(conc)
    mid = 4 if 4 in conc else high
    hd = "1080p" if "1080p" in keys else keys[0]
    big = "12mp" if "12mp" in keys else keys[0]
    panels = [
        (hd, mid, "throughput", f"{hd}, c={mid}: requests/s (higher is better)"),
        (hd, high, "p99_ms", f"{hd}, c={high}: p99 latency ms (lower is better)"),
        (big, low, "cpu_ms_per_request", f"{big}, c={low}: CPU ms per request (lower is better)"),
        (big, high, "peak_rss_mb", f"{big}, c={high}: peak RSS MB (lower is better)"),
    ]
    peers = [peer for peer in PEERS if any(key[3] == peer for key in summary)]
    ops = [op for op in OPS if op in config["ops"]]
    figure, axes = plt.subplots(2, 2, figsize=(13, 8.5))
    width = 0.8 / len(peers)
    for axis, (image, c, field, title) in zip(axes.flat, panels, strict=True):
        for index, peer in enumerate(peers):
            values = [(summary.get((image, op, c, peer)) or {}).get(field) for op in ops]
            xs = [i + (index - (len(peers) - 1) / 2) * width for i in range(len(ops))]
            shown = [(x, v) for x, v in zip(xs, values, strict=True) if v is not None]
            if shown:
                bars = axis.bar(*zip(*shown, strict=True), width=width, label=peer)
                axis.bar_label(bars, fmt="%.0f", fontsize=6, padding=1)
        axis.set_yscale("log")  # ops differ 100-fold (a crop against a 12 MP WebP encode)
        axis.set_xticks(range(len(ops)), ops)
        axis.set_title(title + ", log scale", fontsize=10)
        axis.grid(axis="y", alpha=0.3)
    axes.flat[0].legend(fontsize=8)
    heading = f"pixmill and its peers, {result['started'][:10]}"
    if result["label"] == "smoke":
        heading += ": SMOKE RUN, not a measurement (full run pending)"
    figure.suptitle(heading, fontsize=12, color="firebrick" if result["label"] == "smoke" else None)
    figure.tight_layout()
    figure.savefig(path, dpi=90)
    plt.close(figure)


def write(result: dict[str, Any]) -> None:
    """Draw the chart and replace (or append) the marked section of docs/benchmarks.md."""
    draw(result, CHART)
    text = section(result, CHART.name)
    current = DOC.read_text() if DOC.exists() else "# Benchmarks\n"  # read just before writing
    if BEGIN in current and END in current:
        head, rest = current.split(BEGIN, 1)
        tail = rest.split(END, 1)[1].lstrip("\n")
        DOC.write_text(head + text + ("\n" + tail if tail else ""))
    else:
        DOC.write_text(current.rstrip("\n") + "\n\n" + text)


if __name__ == "__main__":
    write(json.loads(Path(sys.argv[1]).read_text()))
