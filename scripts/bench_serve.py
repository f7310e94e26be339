"""Load-test `summarise serve`: N requests at concurrency C against a real uvicorn on 127.0.0.1.

    python scripts/bench_serve.py [--requests 500] [--concurrency 16] [--url http://HOST:PORT]

Without --url it starts the server itself (offline rules engine, a temporary store). Requests mix
POST /v1/digest (JSON and text) over invented articles with GET /health. Prints p50/p95/max
latency, throughput, errors (non-2xx or transport failures) and lost requests (sent, never
answered). Exit code 1 when any request failed or was lost.
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.servehelp import Server  # noqa: E402

NAMES = ["Ilse Novak", "Tomas Reyes", "Mina Okafor", "Jonas Berg", "Ana Costa", "Lee Park"]
PLACES = ["the harbour", "the old mill", "the north bridge", "the rail depot", "the market"]


def article(i: int) -> dict[str, str]:
    """An invented article, different for every i."""
    who, where = NAMES[i % len(NAMES)], PLACES[i % len(PLACES)]
    text = (
        f"Officials met at {where} on Monday to discuss plan number {i}. "
        f'"We will finish the work on {where} by {2026 + i % 3}," said {who}, the project lead. '
        f"{who.split()[-1]} said the budget was {10 + i % 40} million euros. "
        f'Residents said the plan was "long overdue" and asked for {i % 9 + 2} more meetings. '
    ) * (1 + i % 4)
    return {"id": f"bench-{i}", "outlet": f"Outlet {i % 5}", "text": text}


def one(host: str, port: int, i: int, local: threading.local) -> tuple[float, int]:
    conn = getattr(local, "conn", None)
    if conn is None:
        conn = local.conn = http.client.HTTPConnection(host, port, timeout=60)
    if i % 10 == 9:
        method, path, body, headers = "GET", "/health", None, {}
    elif i % 3 == 2:
        method, path = "POST", "/v1/digest"
        body, headers = article(i)["text"].encode(), {"Content-Type": "text/plain"}
    else:
        method, path = "POST", "/v1/digest"
        body, headers = json.dumps(article(i)).encode(), {"Content-Type": "application/json"}
    t0 = time.perf_counter()
    try:
        conn.request(method, path, body=body, headers=headers)
        resp = conn.getresponse()
        data = resp.read()
        status = resp.status
        if status == 200 and path == "/v1/digest" and not json.loads(data).get("quotes"):
            status = -2  # an answer without the quotes the article holds
    except (OSError, http.client.HTTPException):
        local.conn = None
        conn.close()
        status = -1
    return time.perf_counter() - t0, status


def run(url: str, n: int, concurrency: int) -> int:
    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    local = threading.local()
    t0 = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        futures = [pool.submit(one, host, port, i, local) for i in range(n)]
        results = [f.result() for f in futures]
    wall = time.perf_counter() - t0
    lat = sorted(r[0] * 1000 for r in results)
    lost = sum(1 for _, s in results if s == -1)  # sent, never answered
    errors = [s for _, s in results if s != -1 and not 200 <= s < 300]
    q = statistics.quantiles(lat, n=100)
    print(f"requests {n}  concurrency {concurrency}  wall {wall:.2f} s  {n / wall:.1f} req/s")
    print(f"latency ms  p50 {q[49]:.1f}  p95 {q[94]:.1f}  max {lat[-1]:.1f}")
    print(
        f"errors {len(errors)}  lost {lost}"
        + (f"  statuses {sorted(set(errors))}" if errors else "")
    )
    return 1 if errors or lost else 0


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--requests", type=int, default=500)
    p.add_argument("--concurrency", type=int, default=16)
    p.add_argument("--url", help="a running server; default: start one")
    args = p.parse_args()
    if args.url:
        return run(args.url, args.requests, args.concurrency)
    with tempfile.TemporaryDirectory() as tmp, Server("--store", f"{tmp}/store.sqlite") as srv:
        return run(f"http://127.0.0.1:{srv.port}", args.requests, args.concurrency)


if __name__ == "__main__":
    raise SystemExit(main())
