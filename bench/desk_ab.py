"""Two installs of eventwire side by side: the same desk requests, alternating, on the same machine.

A change to the index is judged against the code before it in one run: each
side writes its own database of N generated events with its own code (the
generator of ``desk_bench.py``), serves it with its own ``eventwire serve``,
and the requests alternate between the two sides (the order flips each round),
so a busy machine slows both alike.  Give each side's Python (a virtualenv
with that checkout installed):

    python bench/desk_ab.py --a /path/to/old/.venv/bin/python --b .venv/bin/python --n 100000 --rounds 60

``--dbs A.db B.db`` serves two databases written before (each by its side's code) instead.
"""
from __future__ import annotations

import argparse
import os
import http.client
import socket
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PATHS = {
    "/api/events?actor": "/api/events?limit=50&actor=rapid%20support",
    "/api/events?actor&country": "/api/events?limit=50&actor=tahrir&country=UA",
    "/api/events?limit=50": "/api/events?limit=50",
    "/api/events?q": "/api/events?limit=50&q=market%20town7",
    "/?actor": "/?actor=rapid%20support",
    "/api/events?type&country": "/api/events?limit=50&type=Battles&country=UA",
    "/api/events?type": "/api/events?limit=50&type=battles",
    "/api/events?actor (none)": "/api/events?limit=50&actor=nobody",
    "/api/events?offset=25000": "/api/events?limit=50&offset=25000",
    "/api/claims?limit=10": "/api/claims?limit=10",
    "/api/desk/rows?limit=50": "/api/desk/rows?limit=50",
    "/api/desk/rows?actor": "/api/desk/rows?limit=50&actor=rapid%20support",
    "/api/desk/days": "/api/desk/days",
    "/api/desk/days?actor": "/api/desk/days?actor=rapid%20support",
    "/": "/",
}
BUILD = "import sys; sys.path.insert(0, sys.argv[1]); from pathlib import Path; from desk_bench import build; " \
        "build(Path(sys.argv[2]), int(sys.argv[3]))"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(python: str, db: Path) -> tuple[subprocess.Popen, int]:
    port = _port()
    exe = str(Path(python).with_name("eventwire"))
    proc = subprocess.Popen([exe, "--db", str(db), "serve", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 600  # the first start indexes the database
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return proc, port
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"{exe} did not start serving {db}")
            time.sleep(0.5)


def _get(conn: http.client.HTTPConnection, path: str) -> float:
    t0 = time.perf_counter()
    conn.request("GET", path)
    res = conn.getresponse()
    res.read()
    if res.status != 200:
        raise SystemExit(f"{path}: HTTP {res.status}")
    return (time.perf_counter() - t0) * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--a", required=True, help="Python of side A (its eventwire is beside it)")
    ap.add_argument("--b", required=True, help="Python of side B")
    ap.add_argument("--n", type=int, default=100_000, help="generated events per database")
    ap.add_argument("--rounds", type=int, default=60, help="timed requests per endpoint and side")
    ap.add_argument("--dbs", nargs=2, metavar=("A_DB", "B_DB"),
                    help="serve these databases (written before by each side) instead of writing new ones")
    args = ap.parse_args()
    sides = {"A": args.a, "B": args.b}
    with tempfile.TemporaryDirectory() as tmp:
        dbs = {k: Path(tmp) / f"{k}.db" for k in sides}
        if args.dbs:
            dbs = dict(zip(sides, map(Path, args.dbs)))
        for k, python in sides.items():
            if not args.dbs:
                subprocess.run([python, "-c", BUILD, str(HERE), str(dbs[k]), str(args.n)], check=True)
        served = {k: _serve(python, dbs[k]) for k, python in sides.items()}
        try:
            conns = {k: http.client.HTTPConnection("127.0.0.1", port, timeout=120) for k, (_, port) in served.items()}
            times: dict[tuple[str, str], list[float]] = {(k, p): [] for k in sides for p in PATHS}
            for rnd in range(args.rounds + 3):  # three warm-up rounds
                order = ["A", "B"] if rnd % 2 == 0 else ["B", "A"]
                for name, path in PATHS.items():
                    for k in order:
                        ms = _get(conns[k], path)
                        if rnd >= 3:
                            times[(k, name)].append(ms)
        finally:
            for proc, _ in served.values():
                proc.terminate()
                proc.wait(timeout=30)
    print(f"{args.n} events, {args.rounds} alternating requests per endpoint and side; "
          f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} at the end")
    for name in PATHS:
        cells = []
        for k in sides:
            ts = sorted(times[(k, name)])
            cells.append(f"{k} p50 {statistics.median(ts):6.1f} p99 {ts[int(0.99 * (len(ts) - 1))]:6.1f} ms")
        print(f"  {name:28s} " + " | ".join(cells))


if __name__ == "__main__":
    main()
