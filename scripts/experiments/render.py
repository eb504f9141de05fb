#!/usr/bin/env python3
"""docs/experiments.md, docs/experiments/summary.png and the measured-results
block of docs/choosing.md from the experiments' JSON files alone: every number
there is computed here from them.

    python scripts/experiments/render.py [--results DIR] [--page FILE] [--guide FILE]

Per experiment and metric: the mean over seeds and its two-sided 95%
Student-t interval, per method, and the mean training time; which methods'
intervals overlap the best method's (these runs do not tell them apart), and
which lie wholly above or below the baseline's.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402

import harness  # noqa: E402

# the page's order; an experiment whose JSON is missing is listed as not run
EXPERIMENTS = ("integer_labels", "binary_network", "spiking_network", "compression", "quantization")


def load(results: Path) -> dict:
    found = {}
    for name in EXPERIMENTS:
        path = results / f"{name}.json"
        if path.exists():
            found[name] = json.loads(path.read_text())
    return found


def summarise(record: dict) -> dict:
    """metric -> method -> (mean, low, high); and method -> mean seconds."""
    table = {}
    for metric in record["metrics"]:
        table[metric] = {
            method: harness.t_interval([r[metric] for r in harness.runs(record["results"], method)])
            for method in record["methods"]
        }
    seconds = {m: float(np.mean([r["seconds"] for r in harness.runs(record["results"], m)])) for m in record["methods"]}
    return {"intervals": table, "seconds": seconds}


def best_of(intervals: dict, higher: bool) -> str:
    return (max if higher else min)(intervals, key=lambda m: intervals[m][0])


def overlaps(a, b) -> bool:
    return a[1] <= b[2] and b[1] <= a[2]


def value(record: dict, metric: str, x: float) -> str:
    if metric in record.get("percent", ()):
        return f"{100 * x:.1f}%"
    return f"{x:.4g}"


def signed(record: dict, metric: str, x: float) -> str:
    if metric in record.get("percent", ()):
        return f"{100 * x:+.1f} pt"
    return f"{x:+.4g}"


def interval_text(record, metric, interval) -> str:
    mean, low, high = interval
    return f"{value(record, metric, mean)} [{value(record, metric, low)}, {value(record, metric, high)}]"


def verdict(record: dict, summary: dict, metric: str) -> dict:
    """The best method, those whose interval overlaps the best's, and each
    method against the baseline, paired by seed (within a seed the methods
    share split, weights and batches): method -> (mean, low, high) of the
    difference, sorted into better, worse and same."""
    intervals = summary["intervals"][metric]
    higher = record["higher_is_better"][metric]
    best = best_of(intervals, higher)
    tied = [m for m in record["methods"] if m != best and overlaps(intervals[m], intervals[best])]
    found = {"best": best, "tied": tied, "apart": [m for m in record["methods"] if m not in tied + [best]]}
    found.update(better={}, worse={}, same={})
    baseline = record.get("baseline")
    if baseline is not None and baseline in intervals:
        reference = {r["seed"]: r[metric] for r in harness.runs(record["results"], baseline)}
        for m in record["methods"]:
            if m == baseline:
                continue
            difference = harness.t_interval(
                [r[metric] - reference[r["seed"]] for r in harness.runs(record["results"], m)]
            )
            low, high = difference[1], difference[2]
            kind = "same" if low <= 0 <= high else "better" if (low > 0) == higher else "worse"
            found[kind][m] = difference
    return found


def difference_text(record, metric, difference) -> str:
    mean, low, high = difference
    return f"{signed(record, metric, mean)} [{signed(record, metric, low)}, {signed(record, metric, high)}]"


def findings(record: dict, summary: dict) -> list[str]:
    """Sentences computed from the intervals: ties with the best, and the baseline comparison."""
    lines = []
    baseline = record.get("baseline")
    for metric, description in record["metrics"].items():
        found = verdict(record, summary, metric)
        best, tied = found["best"], found["tied"]
        text = f"**{description}**: the best mean is `{best}`'s ({interval_text(record, metric, summary['intervals'][metric][best])})."
        if tied:
            text += (
                " The 95% intervals of "
                + ", ".join(f"`{m}`" for m in tied)
                + " overlap it: these runs do not tell "
                + ("it" if len(tied) == 1 else "them")
                + " apart from the best."
            )
        if found["apart"]:
            text += " Wholly on the worse side of it: " + ", ".join(f"`{m}`" for m in found["apart"]) + "."
        parts = []
        for kind, label in (
            ("better", "better"),
            ("worse", "worse (does not help here)"),
            ("same", "no measured difference (the interval holds 0)"),
        ):
            if found[kind]:
                entries = [f"`{m}` ({difference_text(record, metric, d)})" for m, d in found[kind].items()]
                parts.append(f" {label}: " + ", ".join(entries))
        if parts:
            text += (
                f" Against `{baseline}`, paired by seed (the mean difference and its 95% interval):"
                + ";".join(parts)
                + "."
            )
        lines.append(text)
    return lines


# why each experiment's published numbers come from the backend they do (its script's default)
WHY_BACKEND = {
    "integer_labels": "the package's default backend, and Keras's",
    "binary_network": "the package's default backend, and Keras's",
    "spiking_network": "snnTorch's surrogates, its reference, run on PyTorch only",
    "compression": "the package's default backend",
    "quantization": "the package's default backend, and Keras's",
}


def backends_text(records: dict) -> str:
    """How the experiments run on every backend, and which one each record here was made on."""
    made_on = "; ".join(
        f"{records[name].get('short_title', name)}: {harness.BACKEND_NAMES.get(records[name]['backend'], records[name]['backend'])} "
        f"({WHY_BACKEND[name]})"
        for name in EXPERIMENTS
        if name in records
    )
    return (
        "Every experiment runs on each of the package's backends, TensorFlow, JAX and PyTorch "
        "(`--backend tensorflow|jax|torch`): the Keras ones (integer labels, binary network, quantization-aware training) through "
        "`KERAS_BACKEND` with diffround's Keras layers, the spiking network and the compression model written "
        "once against a few tensor functions per framework (`harness.Framework`). Initial weights, batch orders, "
        "spike trains and samples are drawn with NumPy from the seed, so that a seed starts from the same point "
        "on every backend. The numbers here come from one backend per experiment"
        + (f" ({made_on})" if made_on else "")
        + ". The backends agree on a seed's first batches and first epoch within float32 rounding "
        "(`tests/test_experiments.py::test_the_backends_agree_on_the_first_epoch` states the tolerances); over "
        "many steps these differences can grow where the forward is steep or discontinuous (the binary network's "
        "signs, `fourier_round`), so that a run on another backend is another draw, not the same numbers."
    )


GUIDE_START = "<!-- experiments: generated by python scripts/experiments/render.py from docs/experiments/*.json; do not edit by hand -->"
GUIDE_END = "<!-- end of experiments -->"


def guide_block(records: dict, summaries: dict) -> list[str]:
    """One line per experiment for docs/choosing.md: its summary metric's verdict."""
    lines = []
    for name in EXPERIMENTS:
        if name not in records:
            continue
        record, summary = records[name], summaries[name]
        metric = record.get("summary_metric", next(iter(record["metrics"])))
        found = verdict(record, summary, metric)
        anchor = record["title"].lower()
        anchor = "".join(c for c in anchor if c.isalnum() or c in " -").replace(" ", "-")
        text = (
            f"- [{record.get('short_title', record['title'])}](experiments.md#{anchor}), "
            f"{record['metrics'][metric]}, {len(record['seeds'])} seeds: best mean `{found['best']}` "
            f"({interval_text(record, metric, summary['intervals'][metric][found['best']])})"
        )
        if found["tied"]:
            text += "; not told apart from it: " + ", ".join(f"`{m}`" for m in found["tied"])
        baseline = record.get("baseline")
        for kind, label in (("better", "better than"), ("worse", "worse than")):
            if found[kind]:
                text += f"; {label} `{baseline}` (paired by seed): " + ", ".join(f"`{m}`" for m in found[kind])
        if found["same"]:
            text += f"; no measured difference from `{baseline}`: " + ", ".join(f"`{m}`" for m in found["same"])
        lines.append(text + ".")
    return lines


def update_guide(guide: Path, records: dict, summaries: dict) -> bool:
    """Replace the block between the markers of docs/choosing.md; False when it has none."""
    if not guide.exists():
        return False
    text = guide.read_text()
    if GUIDE_START not in text or GUIDE_END not in text:
        return False
    head, rest = text.split(GUIDE_START, 1)
    _, tail = rest.split(GUIDE_END, 1)
    guide.write_text(head + GUIDE_START + "\n" + "\n".join(guide_block(records, summaries)) + "\n" + GUIDE_END + tail)
    return True


def section(name: str, record: dict, summary: dict) -> list[str]:
    metrics = list(record["metrics"])
    seeds = len(record["seeds"])
    lines = [f"## {record['title']}", ""]
    lines.append(record["setup"])
    lines.append("")
    lines.append(
        f"Backend: {record.get('backend_text', record['backend'])}. "
        f"{seeds} seed{'s' if seeds != 1 else ''} ({', '.join(map(str, record['seeds']))}), "
        f"made by `{record['command']}` on {record['date']} ({record['machine']}"
        + (f"; {record['wall_seconds'] / 60:.1f} min in all" if record.get("wall_seconds") else "")
        + ")"
        + (", **quick mode: a smoke test, not a measurement**" if record["quick"] else "")
        + "."
    )
    lines.append("")
    header = ["method"] + [f"{record['metrics'][m]}: mean [95% interval]" for m in metrics] + ["train s (mean)"]
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + " --- |" * len(header))
    bests = {m: best_of(summary["intervals"][m], record["higher_is_better"][m]) for m in metrics}
    for method in record["methods"]:
        cells = [f"`{method}`" + (" (baseline)" if method == record.get("baseline") else "")]
        for metric in metrics:
            interval = summary["intervals"][metric][method]
            text = interval_text(record, metric, interval)
            best = bests[metric]
            if method == best:
                text = f"**{text}** (best)"
            elif overlaps(interval, summary["intervals"][metric][best]):
                text += " (overlaps best)"
            cells.append(text)
        cells.append(f"{summary['seconds'][method]:.1f}")
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    for text in findings(record, summary):
        lines.append(f"- {text}")
    lines.append("")
    for note in record.get("notes", ()):
        lines.append(note)
        lines.append("")
    for metric, png in record["plots"].items():
        lines.append(f"![{record['title']}: {record['metrics'].get(metric, metric)}](experiments/{png})")
        lines.append("")
    return lines


def summary_plot(records: dict, summaries: dict, path: Path) -> Path:
    """One panel per experiment: each method's mean final metric (its
    summary_metric, else the first) with its 95% interval."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = [n for n in EXPERIMENTS if n in records]
    heights = [len(records[n]["methods"]) for n in names]
    figure, axes = plt.subplots(
        len(names),
        1,
        figsize=(7.0, 0.9 + 0.33 * sum(heights) + 0.5 * len(names)),
        dpi=110,
        gridspec_kw={"height_ratios": heights},
        squeeze=False,
    )
    for ax, name in zip(axes[:, 0], names):
        record = records[name]
        metric = record.get("summary_metric", next(iter(record["metrics"])))
        intervals = summaries[name]["intervals"][metric]
        methods = record["methods"]
        scale = 100.0 if metric in record.get("percent", ()) else 1.0
        means = np.array([intervals[m][0] for m in methods]) * scale
        lows = np.array([intervals[m][1] for m in methods]) * scale
        highs = np.array([intervals[m][2] for m in methods]) * scale
        best = best_of(intervals, record["higher_is_better"][metric])
        rows = np.arange(len(methods))[::-1]
        colours = ["tab:blue" if overlaps(intervals[m], intervals[best]) else "tab:gray" for m in methods]
        for row, mean, low, high, colour in zip(rows, means, lows, highs, colours):
            ax.errorbar(
                [mean], [row], xerr=[[mean - low], [high - mean]], fmt="o", color=colour, capsize=3, markersize=4
            )
        ax.set_yticks(rows, methods, fontsize=8)
        unit = " (%)" if scale == 100.0 else ""
        better = "higher" if record["higher_is_better"][metric] else "lower"
        # a long metric name wraps rather than run past the figure's edge
        ax.set_xlabel(textwrap.fill(f"{record['metrics'][metric]}{unit}; {better} is better", 60), fontsize=8)
        ax.set_title(f"{record.get('short_title', record['title'])} ({len(record['seeds'])} seeds)", fontsize=9)
        ax.grid(axis="x", alpha=0.3)
        ax.tick_params(axis="x", labelsize=8)
    figure.suptitle("Mean and 95% interval over seeds; blue: overlaps the best", fontsize=9)
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)
    return path


def total_text(records: dict) -> str:
    times = [r.get("wall_seconds") for r in records.values()]
    if not times or None in times:
        return ""
    return (
        f"The {len(times)} experiments' scripts ran {sum(times) / 60:.1f} min together "
        "(each one's own time is in its section)."
    )


def render(results: Path, page: Path, command: str, guide: Path | None = None) -> str:
    records = load(results)
    summaries = {name: summarise(record) for name, record in records.items()}
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Experiments: which op helps where, measured",
        "",
        "<!-- generated by python scripts/experiments/render.py from docs/experiments/*.json; do not edit by hand -->",
        "",
        "`make experiments` trains each method of each experiment once per seed and writes "
        "`docs/experiments/<name>.json` and its plots; this page is computed from those files by "
        f"`{command}` ({date}). Within a seed every method gets the same data split, the same "
        "initial weights and the same batches in the same order; the seeds (0, 1, 2, ...) were fixed "
        "before any result was seen. An interval is the two-sided 95% Student-t interval of the mean "
        "over seeds; where two methods' intervals overlap, these runs do not tell them apart. "
        "The comparison with each experiment's baseline is paired by seed instead (the interval of the "
        "per-seed differences), which removes the spread that the seed causes in both, and so can separate "
        "two methods whose own intervals overlap. "
        "The plots show the mean over seeds as a line and ±1 standard deviation across seeds as a band. "
        "Training time is the mean per run, without the per-epoch evaluations, on the machine named; "
        "other work shared that machine, so compare times within one experiment only.",
        "",
        backends_text(records),
        "",
        *([total_text(records), ""] if total_text(records) else []),
        "![summary](experiments/summary.png)",
        "",
    ]
    for name in EXPERIMENTS:
        if name in records:
            lines += section(name, records[name], summaries[name])
        else:
            lines += [f"## {name}", "", f"Not run: `docs/experiments/{name}.json` is missing.", ""]
    if records:
        summary_plot(records, summaries, results / "summary.png")
        if guide is not None:
            update_guide(guide, records, summaries)
    text = "\n".join(lines).rstrip() + "\n"
    page.write_text(text)
    return text


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--results", type=Path, default=harness.OUT)
    parser.add_argument("--page", type=Path, default=harness.ROOT / "docs" / "experiments.md")
    parser.add_argument(
        "--guide",
        type=Path,
        default=harness.ROOT / "docs" / "choosing.md",
        help="the page whose measured-results block is rewritten (default docs/choosing.md)",
    )
    args = parser.parse_args(argv)
    command = (
        "python scripts/experiments/render.py" + (" " + " ".join(argv if argv is not None else sys.argv[1:])).rstrip()
    )
    render(args.results, args.page, command, args.guide)
    print(f"wrote {os.path.relpath(args.page)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
