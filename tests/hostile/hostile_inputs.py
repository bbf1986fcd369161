"""Hostile inputs, each generated in the test's own tmp_path (nothing is checked in), and
helpers for running the real command line on them."""
from __future__ import annotations

import codecs
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EVENTWIRE = Path(sys.executable).parent / "eventwire"
RUSIAN = "Обстрел Белгорода продолжался всю ночь, сообщили местные власти города. Пострадали два человека."
GOOD_TEXT = "Drones hit a fuel depot near Belgorod on Monday, the governor said. Two people were injured."
TOWNS = ["Kupiansk", "Kharkiv", "Kherson", "Belgorod", "Odesa", "Zaporizhzhia", "Bakhmut", "Avdiivka", "Sumy", "Mykolaiv"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def article(i: int) -> dict:
    """A small, distinct article (distinct text and URL) that yields mentions."""
    town, other = TOWNS[i % 10], TOWNS[(i * 3 + 1) % 10]
    text = (
        f"Shelling hit {town} on {DAYS[i % 5]}, killing {i % 7 + 1} people, officials said in report {i}. "
        f"Drones struck a depot near {other} and {i % 37 + 2} houses were damaged, the governor said. "
        f"Item {i} of the wire."
    )
    return {"id": f"a{i}", "url": f"https://wire.example/{i}", "title": f"Strike {i} on {town}",
            "published": f"2024-03-{i % 28 + 1:02d}", "text": text}


def write_articles(path: Path, n: int, start: int = 0) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(start, start + n):
            fh.write(json.dumps(article(i)) + "\n")
    return path


def make_hostile_folder(folder: Path) -> dict[str, str]:
    """Write every hostile file into ``folder``; return {file or file:line: expected reason fragment}.

    Inputs expected to be *accepted* (decoded, not mangled) map to "" instead of a reason.
    """
    folder.mkdir(parents=True, exist_ok=True)
    expect: dict[str, str] = {}

    def put(name: str, data: bytes, reason: str) -> None:
        (folder / name).write_bytes(data)
        expect[name] = reason

    put("binary.txt", bytes(range(256)) * 64, "binary file (NUL bytes)")
    put("nul-bytes.txt", b"Shelling hit the town.\x00\x00\x00 More text.", "binary file (NUL bytes)")
    put("empty.txt", b"", "empty file")
    put("whitespace.md", b"  \n\t\r\n   \n", "empty file")
    put("invalid-utf8.txt", GOOD_TEXT.encode() + b" \xff\xfe\xfa\xc3 " + b"Shelling continued on Tuesday.", "")
    put("utf16-bom.txt", codecs.BOM_UTF16_LE + RUSIAN.encode("utf-16-le"), "")
    put("cp1251.txt", (RUSIAN + " " + RUSIAN).encode("cp1251"), "")
    put("good.txt", GOOD_TEXT.encode(), "")
    # 50 MB page: over max_file_bytes (20 MB), refused before it is read
    para = b"<p>" + b"Shelling hit the town of Kupiansk on Monday, officials said. " * 20 + b"</p>\n"
    with (folder / "huge-50mb.html").open("wb") as fh:
        fh.write(b"<html><body>")
        for _ in range(50_000_000 // len(para) + 1):
            fh.write(para)
        fh.write(b"</body></html>")
    expect["huge-50mb.html"] = "over the 20000000-byte limit"
    # just under the file limit, but 19 MB of real markup: over max_html_chars even slimmed
    with (folder / "under-limit-19mb.html").open("wb") as fh:
        fh.write(b"<html><body>")
        for _ in range(19_000_000 // len(para)):
            fh.write(para)
        fh.write(b"</body></html>")
    expect["under-limit-19mb.html"] = "over the limit of 5,000,000"
    # just under the limit, mostly an inline script and a base64 image: slimmed, then read
    blob = b"A" * 9_000_000
    put("inline-junk-19mb.html",
        b"<html><head><script>var x='" + b"x" * 9_000_000 + b"';</script></head><body>"
        b"<img src=\"data:image/png;base64," + blob + b"\"><p>" + GOOD_TEXT.replace("Belgorod", "Mykolaiv").encode()
        + b"</p></body></html>", "")
    deep = b"<div>" * 100_000 + b"<p>" + GOOD_TEXT.replace("Belgorod", "Kursk").encode() + b"</p>" + b"</div>" * 100_000
    put("deep-100k.html", b"<html><body><p>Shelling was reported on Monday in the district.</p>" + deep + b"</body></html>", "")
    put("entity-bomb.xml",
        b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        b'<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>\n<rss><channel><item><title>&lol2;</title>'
        b"</item></channel></rss>", "feed declares a DTD or entities; refused")
    put("external-entity.rss",
        b'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        b"<rss><channel><item><description>&xxe;</description></item></channel></rss>", "feed declares a DTD or entities; refused")
    put("malformed-feed.rss", b"<rss><channel><item><title>Unclosed</channel>", "malformed feed XML")

    # JSONL: a 100 MB line between good lines, malformed lines, wrong types, odd dates, a 2 MB "sentence"
    lines = folder / "records.jsonl"
    run_on = "and the shelling of Kupiansk continued through the night according to officials "
    with lines.open("w", encoding="utf-8") as fh:
        def line(obj_or_raw, reason: str) -> None:
            n = line.count = getattr(line, "count", 0) + 1
            fh.write((obj_or_raw if isinstance(obj_or_raw, str) else json.dumps(obj_or_raw)) + "\n")
            expect[f"records.jsonl:{n}"] = reason

        line({"id": "ok-1", "text": GOOD_TEXT.replace("Monday", "Sunday")}, "")
        fh.write('{"id": "huge", "text": "')
        chunk = "x" * 1_000_000
        for _ in range(100):
            fh.write(chunk)
        fh.write('"}\n')
        line.count += 1
        expect[f"records.jsonl:{line.count}"] = "line longer than the 5000000-byte limit"
        line("{not json at all", "malformed JSON")
        line('{"id": "trunc", "text": "cut off', "malformed JSON")
        line("[1, 2, 3]", "expected a JSON object, got list")
        line('"just a string"', "expected a JSON object, got str")
        line({"id": ["x"], "text": "t"}, "field 'id' should be a string, got list")
        line({"text": {"nested": True}}, "field 'text' should be a string, got dict")
        line({"text": True}, "field 'text' should be a string, got bool")
        line({"title": "no body at all"}, "record has neither text nor html")
        line({"text": "   \t  "}, "record has neither text nor html")
        line("[" * 100_000 + "]" * 100_000, "JSON nested too deeply")
        line({"id": "date-0", "text": GOOD_TEXT.replace("Belgorod", "Kharkiv"), "published": "0000-00-00"}, "")
        line({"id": "date-9999", "text": GOOD_TEXT.replace("Belgorod", "Kherson"), "published": "9999-12-31"}, "")
        line({"id": "date-junk", "text": GOOD_TEXT.replace("Belgorod", "Odesa"), "published": "9999-99-99T99:99:99"}, "")
        line({"id": "nul-in-json", "text": "Shelling hit Sumy\u0000 on Friday, the governor said."}, "")
        line({"id": "sentence-2mb", "text": "Shelling hit Kupiansk on Monday " + (run_on * 25_000)[:2_000_000]},
             "over the limit of 300,000")
        line({"id": "ok-2", "text": GOOD_TEXT.replace("Monday", "Saturday").replace("Belgorod", "Bakhmut")}, "")
    return expect


def _hwm_mb(pid: int) -> float:
    """The peak resident set of one live process since its exec, in MB (VmHWM; 0 when it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _tree(pid: int) -> list[int]:
    """The process and its live descendants."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return out


def run_cli_peak(*args: str, timeout: float = 240) -> tuple[subprocess.CompletedProcess, float]:
    """``run_cli`` and the peak resident set of that run alone, in MB: the largest VmHWM its process and its
    workers reach, sampled every 20 ms.  Not ru_maxrss: Linux carries a parent's peak into a child across
    fork and exec, so a child of a test process that grew (other tests' gazetteers) reports that growth."""
    full_env = {**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": "2000"}
    peak = 0.0
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen([str(EVENTWIRE), *args], stdout=out, stderr=err, text=True, env=full_env)
        deadline = time.monotonic() + timeout
        while proc.poll() is None:
            peak = max([peak, *(_hwm_mb(p) for p in _tree(proc.pid))])
            if time.monotonic() > deadline:
                proc.kill()
                raise subprocess.TimeoutExpired(proc.args, timeout)
            time.sleep(0.02)
        out.seek(0)
        err.seek(0)
        done = subprocess.CompletedProcess(proc.args, proc.returncode, out.read(), err.read())
    return done, peak


def run_cli(*args: str, timeout: float = 240, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": "2000", **(env or {})}
    return subprocess.run([str(EVENTWIRE), *args], capture_output=True, text=True, timeout=timeout, env=full_env)


def db_counts(db: Path) -> dict[str, object]:
    con = sqlite3.connect(db, timeout=60)
    try:
        return {
            "documents": con.execute("select count(*) from documents").fetchone()[0],
            "distinct_hashes": con.execute("select count(distinct content_hash) from documents").fetchone()[0],
            "distinct_urls": con.execute("select count(distinct url) from documents").fetchone()[0],
            "stages": dict(con.execute("select stage, count(*) from documents group by stage").fetchall()),
            "orphan_mentions": con.execute(
                "select count(*) from mentions m left join documents d on d.id = m.document_id where d.id is null"
            ).fetchone()[0],
            "mentions": con.execute("select count(*) from mentions").fetchone()[0],
            "events": sorted(r[0] for r in con.execute("select id from events")),
            "integrity": con.execute("pragma integrity_check").fetchone()[0],
        }
    finally:
        con.close()

