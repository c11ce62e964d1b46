"""Hostile inputs through the real command: each must end in a result or a clear error within 10 s.

    python benchmarks/hostile.py

Cases: a 50 MB HTML file, 10,000 nested <div>s, a binary file, a page whose declared
charset is wrong, a server on 127.0.0.1 that accepts connections and never answers; and
(issue 12) a page full of terminal escape sequences, a server that sends a header every
2 s, one that sends its status line a byte every 2 s, a <p> with 30,000 attributes, a
folder holding a pipe, a file name that is not UTF-8, and a feed whose guids are Textual
markup. Prints, for each, the wall time, the exit code and the first stderr line (or the
first article's title); exits 1 when a case took 10 s or more, ended in a traceback, or
wrote a terminal control character (ESC, BEL, C1, a bidi override) or invalid UTF-8.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

LIMIT = 10.0
HOSTILE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "hostile"
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe]")


def make_cases(folder: Path) -> dict[str, list[str]]:
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
            f"<body><article><h1>Un été difficile</h1><p>{text}</p><p>{text}</p></article>"
            "</body></html>"
        ).encode("cp1252")
    )
    attributes = folder / "attributes.html"
    attributes.write_text(
        "<html><head><title>Thirty thousand attributes</title></head><body><article><p"
        + "".join(f' a{n}="x"' for n in range(30_000))
        + ">"
        + paragraph * 3
        + "</p></article></body></html>",
        encoding="utf-8",
    )
    piped = folder / "piped"
    piped.mkdir()
    (piped / "story.html").write_text(
        f"<html><head><title>Beside a pipe</title></head><body>{paragraph * 3}</body></html>"
    )
    os.mkfifo(piped / "pipe.html")
    os.mkfifo(piped / "feed.xml")
    named = folder / "named"
    named.mkdir()
    title = "<title>A name that is not UTF-8</title>"
    page = f"<html><head>{title}</head><body>{paragraph * 3}</body></html>"
    (named / os.fsdecode(b"bad\xff\xfe name.html")).write_text(page)
    (named / os.fsdecode(b"z\xe9t\xe9.html")).write_text(page)
    return {
        "50 MB HTML": [str(big)],
        "10,000 nested divs": [str(nested)],
        "binary file": [str(binary)],
        "wrong declared charset": [str(wrong)],
        "escape sequences": [str(HOSTILE / "escapes.html"), str(HOSTILE / "escapes.txt")],
        "30,000 attributes": [str(attributes)],
        "a pipe in a folder": [str(piped)],
        "a name not UTF-8": [str(named)],
        "markup guids": [str(HOSTILE / "markup-guid.rss")],
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


def dripping_server(status_line: bool) -> tuple[str, socket.socket]:
    """A server that sends a header every 2 s for ever, or its status line a byte every 2 s."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)

    def drip(connection: socket.socket) -> None:
        with connection:
            try:
                connection.recv(65536)
                if status_line:
                    chunks = [bytes([b]) for b in b"HTTP/1.1 200 OK\r\n" * 100]
                else:
                    chunks = [b"HTTP/1.1 200 OK\r\n"] + [
                        b"X-Drip-%d: x\r\n" % n for n in range(900)
                    ]
                for chunk in chunks:
                    time.sleep(2)
                    connection.sendall(chunk)
            except OSError:
                return

    def accept() -> None:
        while True:
            try:
                connection = listener.accept()[0]
            except OSError:
                return
            threading.Thread(target=drip, args=(connection,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    return f"http://127.0.0.1:{listener.getsockname()[1]}/story", listener


def main() -> int:
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        cases = make_cases(Path(tmp))
        servers = [silent_server(), dripping_server(False), dripping_server(True)]
        cases["silent server"] = [servers[0][0]]
        cases["slow headers"] = [servers[1][0]]
        cases["slow status line"] = [servers[2][0]]
        environment = {
            **os.environ,
            "DIGEST_DATA_DIR": f"{tmp}/data",
            "DIGEST_CONFIG_DIR": f"{tmp}/config",
        }
        print(f"{'case':26} {'seconds':>8} {'exit':>5}  result")
        for name, targets in cases.items():
            started = time.monotonic()
            try:
                done = subprocess.run(
                    [sys.executable, "-m", "digest", *targets, "--format", "json"],
                    capture_output=True,
                    timeout=LIMIT * 3,
                    env=environment,
                )
                elapsed = time.monotonic() - started
                code: int | str = done.returncode
                try:
                    out, err = done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
                except UnicodeDecodeError:
                    out, err, failed = "", "INVALID UTF-8 written", True
                lines = err.strip().splitlines()
                result = lines[0] if lines else "article: " + _title(out)
                if "Traceback" in err:
                    result = "TRACEBACK: " + lines[-1]
                    failed = True
                elif _UNSAFE.search(out) or _UNSAFE.search(err):
                    result = "CONTROL CHARACTER written: " + result
                    failed = True
            except subprocess.TimeoutExpired:
                elapsed, code, result = time.monotonic() - started, "-", "HUNG"
                failed = True
            if elapsed >= LIMIT:
                failed = True
            print(f"{name:26} {elapsed:8.2f} {code!s:>5}  {result[:90]}")
        for _, listener in servers:
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
