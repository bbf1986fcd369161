"""Latency of the desk and the API on a large database: p50/p99 per endpoint over real HTTP.

Generates N events (made up here: 40 towns in four countries, six types, two
years, one to three claims, a quarter of them contradicted, two sentences
each), writes them through ``repository.sync_events`` (the pipeline's own
path, which also fills the event index and FTS5), starts ``eventwire serve``
on loopback and times requests round-robin over the endpoints, one keep-alive
connection, after a warm-up.  Target (issue 15): p99 < 100 ms for the list
and event endpoints at 100k events on SQLite.

    python bench/desk_bench.py --n 100000 --requests 200
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from eventwire.model import (
    ActorRef, Claim, Contradiction, DateSpan, Event, Evidence, Fatalities, Mention, Place,
)
from eventwire.store import repository as repo
from eventwire.store.database import make_engine, make_sessionmaker

TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
         ("Explosions/Remote violence", "Shelling/artillery/missile attack"), ("Violence against civilians", "Attack"),
         ("Protests", "Peaceful protest"), ("Strategic developments", "Arrests")]
COUNTRIES = [("UA", 48.0, 33.0), ("RU", 51.0, 37.0), ("SY", 35.0, 38.0), ("SD", 14.0, 31.0)]
ACTORS = ["Military Forces of Russia (2000-)", "Military Forces of Ukraine (2019-)", "Rapid Support Forces",
          "Hayat Tahrir al-Sham", "Protesters (Russia)", "Civilians (Sudan)"]
WORDS = "drones struck depot officials said shelling village market convoy bridge checkpoint fighters".split()


def make_event(i: int, rng: random.Random) -> Event:
    etype, sub = TYPES[i % len(TYPES)]
    country, lat, lon = COUNTRIES[i % 4]
    town = i % 40
    place = Place(f"Town{town}", country, f"Region{town % 8}", lat + rng.random() * 3, lon + rng.random() * 3,
                  "town", 10_000 + town)
    day = date(2023, 1, 1) + timedelta(days=rng.randrange(730))
    doc = f"d_{i:016x}"
    sentences = [" ".join(rng.choice(WORDS) for _ in range(18)) + f" in Town{town}." for _ in range(2)]
    ev = [Evidence(doc, s, k * 200, k * 200 + len(s)) for k, s in enumerate(sentences)]
    actors = (ActorRef(ACTORS[i % 6], "actor1", None, "", 1 + i % 8), ActorRef(ACTORS[(i + 1) % 6], "actor2", None, "", 7))
    claims = tuple(Claim("fatalities", rng.randrange(1, 30), None, "people", f"official {k}", "asserts", False, ev[1])
                   for k in range(1 + i % 3))
    contra = (Contradiction("fatalities", (0, 1), "figures differ"),) if len(claims) > 1 and i % 4 == 0 else ()
    mentions = tuple(Mention(doc, e, etype, sub, "struck", DateSpan(day, day, "day"), place, actors, claims) for e in ev)
    best = min(c.value for c in claims)
    return Event(f"e_{i:012x}", etype, sub, DateSpan(day, day, "day"), place, actors,
                 Fatalities(best, best, max(c.value for c in claims)), claims, contra, mentions, (doc,),
                 round(0.3 + rng.random() * 0.6, 2))


def build(path: Path, n: int) -> float:
    rng = random.Random(15)
    t0 = time.perf_counter()
    Session = make_sessionmaker(make_engine(f"sqlite:///{path}"))
    with Session.begin() as s:
        repo.sync_events(s, (make_event(i, rng) for i in range(n)))
    return time.perf_counter() - t0


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def endpoints(n: int) -> dict[str, str]:
    some = f"e_{(n // 2):012x}"
    return {
        "/api/events?limit=50": "/api/events?limit=50",
        "/api/events?limit=50&offset=page 500": f"/api/events?limit=50&offset={min(25_000, n // 2)}",
        "/api/events?type&country": "/api/events?limit=50&type=Battles&country=UA",
        "/api/events?q (FTS5)": "/api/events?limit=50&q=market%20town7",
        "/api/events?actor": "/api/events?limit=50&actor=rapid%20support",
        "/api/events/{id}": f"/api/events/{some}",
        "/api/claims?limit=10": "/api/claims?limit=10",
        "/api/desk/rows?limit=50": "/api/desk/rows?limit=50",
        "/api/desk/days": "/api/desk/days",
        "/": "/",
    }


def measure(port: int, paths: dict[str, str], requests: int) -> dict[str, dict]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    times: dict[str, list[float]] = {k: [] for k in paths}
    for rnd in range(requests + 3):  # three warm-up rounds
        for name, path in paths.items():
            t0 = time.perf_counter()
            conn.request("GET", path)
            res = conn.getresponse()
            res.read()
            assert res.status == 200, (path, res.status)
            if rnd >= 3:
                times[name].append((time.perf_counter() - t0) * 1000)
    conn.close()
    out = {}
    for name, ts in times.items():
        ts.sort()
        out[name] = {"p50_ms": round(statistics.median(ts), 1), "p99_ms": round(ts[int(0.99 * (len(ts) - 1))], 1)}
    return out


def serve_and_measure(db: Path, n: int, requests: int) -> dict[str, dict]:
    exe = shutil.which("eventwire", path=str(Path(sys.executable).parent)) or "eventwire"
    port = _port()
    proc = subprocess.Popen([exe, "--db", str(db), "serve", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 300
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, "server did not start"
                time.sleep(0.3)
        return measure(port, endpoints(n), requests)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, nargs="+", default=[100_000, 10_000], help="database sizes (events)")
    ap.add_argument("--requests", type=int, default=200, help="timed requests per endpoint")
    ap.add_argument("--out", default="bench/results/desk.json")
    args = ap.parse_args()
    results = {"machine": {"python": platform.python_version(), "cpus": os.cpu_count()}, "sizes": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.n:
            db = Path(tmp) / f"desk-{n}.db"
            build_s = build(db, n)
            figures = serve_and_measure(db, n, args.requests)
            load = [round(x, 1) for x in os.getloadavg()]  # other work on the machine slows every figure
            results["sizes"][str(n)] = {"build_seconds": round(build_s, 1), "load_average": load, "endpoints": figures}
            print(f"{n} events (written in {build_s:.0f} s), {args.requests} requests each; load average {load}:")
            for name, f in figures.items():
                print(f"  {name:40s} p50 {f['p50_ms']:7.1f} ms   p99 {f['p99_ms']:7.1f} ms")
    Path(args.out).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
