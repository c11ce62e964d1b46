"""Hostile inputs through the real command: each must end in a result or a clear error within 10 s.

    python benchmarks/hostile.py

Cases: a 50 MB HTML file, 10,000 nested <div>s, a binary file, a page whose declared
charset is wrong, and a server on 127.0.0.1 that accepts connections and never answers.
Prints, for each, the wall time, the exit code and the first stderr line; exits 1 when a
case took 10 s or more or ended in a traceback.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

LIMIT = 10.0


def make_cases(folder: Path) -> dict[str, str]:
    paragraph = (
        "<p>" + "The council met on Tuesday to discuss the budget and the new road. " * 8 + "</p>\n"
    )
    big = folder / "big.html"
    with big.open("w", encoding="utf-8") as handle:
        handle.write("<html><head><title>A very large page</title></head><body><article>\n")
        chunk = paragraph * 200
        while handle.tell() < 50 * 1024 * 1024:
            handle.write(chunk)
        handle.write("</article></body></html>")
    nested = folder / "nested.html"
    nested.write_text(
        "<html><head><title>Nested</title></head><body>"
        + "<div>" * 10_000
        + paragraph * 3
        + "</div>" * 10_000
        + "</body></html>",
        encoding="utf-8",
    )
    binary = folder / "binary.html"
    binary.write_bytes(os.urandom(2 * 1024 * 1024))
    wrong = folder / "wrong-charset.html"
    text = "Le ministre a déclaré à Besançon que l'été serait difficile pour les élèves. " * 12
    wrong.write_bytes(
        (
            '<html><head><meta charset="utf-8"><title>Un été difficile à Besançon</title></head>'
            "<body><article><h1>Un été difficile</h1>"
            f"<p>{text}</p><p>{text}</p></article></body></html>"
        ).encode("cp1252")
    )
    return {
        "50 MB HTML": str(big),
        "10,000 nested divs": str(nested),
        "binary file": str(binary),
        "wrong declared charset": str(wrong),
    }


def silent_server() -> tuple[str, socket.socket]:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    held: list[socket.socket] = []

    def accept() -> None:
        while True:
            try:
                held.append(listener.accept()[0])
            except OSError:
                return

    threading.Thread(target=accept, daemon=True).start()
    return f"http://127.0.0.1:{listener.getsockname()[1]}/story", listener


def main() -> int:
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        cases = make_cases(Path(tmp))
        url, listener = silent_server()
        cases["silent server"] = url
        print(f"{'case':26} {'seconds':>8} {'exit':>5}  result")
        for name, target in cases.items():
            started = time.monotonic()
            try:
                done = subprocess.run(
                    [sys.executable, "-m", "digest", target, "--format", "json"],
                    capture_output=True,
                    text=True,
                    timeout=LIMIT * 3,
                )
                elapsed = time.monotonic() - started
                code: int | str = done.returncode
                lines = done.stderr.strip().splitlines()
                result = lines[0] if lines else "article: " + _title(done.stdout)
                if "Traceback" in done.stderr:
                    result = "TRACEBACK: " + lines[-1]
                    failed = True
            except subprocess.TimeoutExpired:
                elapsed, code, result = time.monotonic() - started, "-", "HUNG"
                failed = True
            if elapsed >= LIMIT:
                failed = True
            print(f"{name:26} {elapsed:8.2f} {code!s:>5}  {result[:90]}")
        listener.close()
    return 1 if failed else 0


def _title(output: str) -> str:
    import json

    try:
        articles = json.loads(output)["articles"]
    except (ValueError, KeyError):
        return "(no JSON)"
    return articles[0]["title"][:60] if articles else "(none)"


if __name__ == "__main__":
    sys.exit(main())
