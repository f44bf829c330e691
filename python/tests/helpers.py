"""What the package's tests and the Spark recipe's test share: the CLI of this checkout and the
demo corpus as documents."""

from __future__ import annotations

import json
import os
import pathlib
import subprocess

ROOT = pathlib.Path(__file__).resolve().parents[2]
DEMO = ROOT / "corpus" / "demo"
DOCUMENT_FIELDS = ("id", "text", "published", "lang", "title", "url")


def trecho_binary() -> pathlib.Path:
    """The CLI built from this checkout (TRECHO_BIN, else target/{debug,release}/trecho)."""
    if os.environ.get("TRECHO_BIN"):
        return pathlib.Path(os.environ["TRECHO_BIN"])
    target = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    for profile in ("debug", "release"):
        candidate = target / profile / "trecho"
        if candidate.exists():
            return candidate
    raise RuntimeError(
        f"no trecho binary under {target}; run `cargo build -p trecho-cli` first or set TRECHO_BIN"
    )


def cli(*args: str, db: pathlib.Path | None = None) -> str:
    command = [str(trecho_binary()), "--quiet"]
    if db is not None:
        command += ["--db", str(db)]
    done = subprocess.run(command + list(args), capture_output=True, text=True, check=True)
    return done.stdout


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def demo_documents() -> list[dict]:
    """The demo corpus's plain-text documents and JSON Lines items, as documents."""
    documents = []
    for path in sorted(DEMO.glob("*.txt")):
        published = path.name[:10]
        documents.append({"id": path.stem, "text": path.read_text(), "published": published})
    for path in sorted(DEMO.glob("*.jsonl")):
        for line in path.read_text().splitlines():
            item = json.loads(line)
            documents.append({k: v for k, v in item.items() if k in DOCUMENT_FIELDS})
    return documents
