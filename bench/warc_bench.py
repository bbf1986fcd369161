"""Reading a large WARC: pages per second and peak memory, one process, nothing cleaned.

Writes a ``.warc.gz`` of about ``--mb`` megabytes (gzip per record, as
Common Crawl ships them): HTML pages of generated text between requests and
images, plus one corrupt record.  Then reads it with ``ingest.warc.read_warc``
in a child process and reports the child's peak resident memory, which must
stay near the size of one page however big the file is (compare ``--mb 50``
with ``--mb 500``).

    python bench/warc_bench.py --mb 200
"""
from __future__ import annotations

import argparse
import io
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = ("shelling artillery convoy village governor said ministry reported drones struck near the "
         "border region killed wounded civilians forces attack overnight city officials").split()


def write_warc(path: Path, megabytes: float, rng: random.Random) -> int:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = 0
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        while fh.tell() < megabytes * 1_000_000:
            words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(400, 4000)))
            body = f"<html><head><title>Page {pages}</title></head><body><article><p>{words}</p></article></body></html>"
            data = body.encode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://news.example/{pages}", "response", payload=io.BytesIO(data), length=len(data),
                http_headers=headers, warc_headers_dict={"WARC-Date": "2024-07-18T10:00:00Z"}))
            pages += 1
            if pages % 50 == 0:
                image = StatusAndHeaders("200 OK", [("Content-Type", "image/jpeg")], protocol="HTTP/1.1")
                blob = rng.randbytes(200_000)
                writer.write_record(writer.create_warc_record(
                    f"https://news.example/{pages}.jpg", "response", payload=io.BytesIO(blob), length=len(blob),
                    http_headers=image))
            if pages == 100:
                fh.write(b"\x1f\x8b\x08" + rng.randbytes(5000))  # a corrupt member
    return pages


def read_child(path: str) -> None:
    from eventwire.ingest.warc import read_warc
    from eventwire.model import IngestError

    started = time.perf_counter()
    pages = errors = 0
    for item in read_warc(Path(path)):
        if isinstance(item, IngestError):
            errors += 1
        else:
            pages += 1
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"pages": pages, "errors": errors, "seconds": round(seconds, 2), "peak_rss_mb": round(peak_mb, 1)}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=200)
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--out", default=str(Path(__file__).parent / "results" / "warc.json"))
    args = ap.parse_args()
    if args.child:
        read_child(args.child)
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.warc.gz"
        written = write_warc(path, args.mb, random.Random(14))
        size_mb = path.stat().st_size / 1_000_000
        got = json.loads(subprocess.run([sys.executable, __file__, "--child", str(path)], check=True,
                                        capture_output=True, text=True).stdout)
    result = {"file_mb": round(size_mb, 1), "pages_written": written, **got,
              "pages_per_second": round(got["pages"] / got["seconds"], 1), "mb_per_second": round(size_mb / got["seconds"], 1)}
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
