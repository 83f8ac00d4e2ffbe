"""Extraction throughput on one core: articles per second on ~600-word articles.

Each corpus article is repeated up to about 600 words (the length of a typical press
article); the gazetteer is loaded once first and timed on its own, as a server would.

    .venv/bin/python bench/extraction.py [--seconds 5] [--words 600]
"""

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extraction.extractor import extract_article  # noqa: E402
from extraction.extractor.places import gazetteer  # noqa: E402


def articles(words: int) -> list[str]:
    """Corpus articles, each repeated until it holds about `words` words."""
    texts = []
    for path in sorted((ROOT / "extraction" / "corpus").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        copies = max(1, round(words / max(len(text.split()), 1)))
        texts.append("\n\n".join([text] * copies))
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="time to spend measuring")
    parser.add_argument("--words", type=int, default=600, help="words per article")
    args = parser.parse_args()

    started = time.perf_counter()
    gazetteer()
    print(f"gazetteer loaded once in {(time.perf_counter() - started) * 1000:.0f} ms")

    texts = articles(args.words)
    for text in texts:  # warm the other caches (regexes, region table)
        extract_article(text)
    mean_words = sum(len(t.split()) for t in texts) / len(texts)
    done = 0
    started, cpu = time.perf_counter(), time.process_time()
    while time.perf_counter() - started < args.seconds:
        for text in texts:
            extract_article(text)
        done += len(texts)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(f"{done} articles of ~{mean_words:.0f} words, one process, one thread")
    # CPU time is what one core spends; wall time also counts other load on the machine
    print(f"{done / cpu:.1f} articles/s of CPU time, {cpu / done * 1000:.2f} ms per article")
    print(
        f"{done / elapsed:.1f} articles/s of wall time, {elapsed / done * 1000:.2f} ms per article"
    )


if __name__ == "__main__":
    main()
