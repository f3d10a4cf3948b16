"""Inputs and outputs: finding files, reading them into Documents, writing fixes back atomically.

Bad input never stops a run: each problem becomes an :class:`InputError` (one line naming the file
and, for JSONL, the record) and the other inputs are still linted.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config import Settings
from .document import Document

JSONL_SUFFIXES = (".jsonl", ".ndjson")
BINARY_SNIFF = 8192


@dataclass(frozen=True)
class InputError:
    path: str
    message: str
    record: str | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.record}" if self.record is not None else self.path
        return f"{where}: {self.message}"


@dataclass
class Source:
    """One input file (or stdin) and the documents read from it."""

    path: str
    documents: list[Document] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    is_jsonl: bool = False
    # JSONL only: every line as read, with the index of the document it holds (or None).
    raw_lines: list[tuple[str, Any]] = field(default_factory=list)
    text_field: str = "text"


def discover_files(paths: list[Path], settings: Settings) -> Iterator[Path | InputError]:
    """Files to lint: explicit files as given, directories walked for included, non-excluded files."""
    seen: set[Path] = set()
    for path in paths:
        if not path.exists():
            yield InputError(str(path), "no such file or directory")
            continue
        if path.is_file():
            candidates = [path]
        else:
            candidates = sorted(_walk(path, settings))
        for candidate in candidates:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                yield candidate


def _walk(root: Path, settings: Settings) -> Iterator[Path]:
    for directory, subdirectories, files in os.walk(root):
        base = Path(directory)
        subdirectories[:] = sorted(d for d in subdirectories if not settings.is_excluded(base / d, root))
        for name in files:
            path = base / name
            if settings.is_included(path) and not settings.is_excluded(path, root):
                yield path


def decode(data: bytes, path: str) -> str | InputError:
    if not data.strip():
        return InputError(path, "empty file" if not data else "file holds only white space")
    if b"\0" in data[:BINARY_SNIFF]:
        return InputError(path, "binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return InputError(
            path, f"not valid UTF-8 (byte 0x{data[error.start]:02x} at line {line}, offset {error.start})"
        )


def read_source(path: Path | str, settings: Settings, data: bytes | None = None) -> Source:
    """Read one file (or ``data`` given for stdin) into Documents."""
    name = str(path)
    source = Source(name, is_jsonl=name.endswith(JSONL_SUFFIXES))
    if data is None:
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            source.errors.append(InputError(name, f"cannot read: {error.strerror or error}"))
            return source
    text = decode(data, name)
    if isinstance(text, InputError):
        source.errors.append(text)
        return source
    language = settings.language
    if not source.is_jsonl:
        source.documents.append(Document(text, name, language=language))
        return source
    for number, raw in enumerate(physical_lines(text), start=1):
        if not raw.strip():
            source.raw_lines.append((raw, None))
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as error:
            source.errors.append(InputError(name, f"invalid JSON: {error.msg}", record=f"line {number}"))
            source.raw_lines.append((raw, None))
            continue
        if not isinstance(record, dict) or not isinstance(record.get(source.text_field), str):
            source.errors.append(
                InputError(name, f"record has no string field {source.text_field!r}", record=f"line {number}")
            )
            source.raw_lines.append((raw, None))
            continue
        record_id = str(record.get("id", f"line {number}"))
        meta = {key: value for key, value in record.items() if key != source.text_field}
        lang = language if language != "auto" else record.get("lang") if isinstance(record.get("lang"), str) else None
        source.documents.append(Document(record[source.text_field], name, record_id, meta, lang))
        source.raw_lines.append((raw, len(source.documents) - 1))
    return source


def physical_lines(text: str) -> list[str]:
    """The lines of a JSONL file, each with its line break: split at ``\n`` only.

    ``str.splitlines`` also splits at U+2028, U+2029, U+0085 and other separators that JSON
    allows raw inside a string (and ``json.dumps(..., ensure_ascii=False)`` writes raw), which would
    cut a record in two.
    """
    lines = text.split("\n")
    out = [line + "\n" for line in lines[:-1]]
    if lines[-1]:
        out.append(lines[-1])
    return out


_JSON_SPACE = re.compile(r"[ \t\n\r]*")


def _string_value_span(raw: str, key: str) -> tuple[int, int] | None:
    """Where the value of the top-level ``key`` of the JSON object ``raw`` lies (the last one, as
    ``json.loads`` keeps the last of duplicate keys), or None when ``raw`` is not such an object."""
    decoder = json.JSONDecoder()
    try:
        index = _JSON_SPACE.match(raw, 0).end()  # type: ignore[union-attr]
        if raw[index : index + 1] != "{":
            return None
        index = _JSON_SPACE.match(raw, index + 1).end()  # type: ignore[union-attr]
        span = None
        while raw[index : index + 1] == '"':
            name, index = json.decoder.scanstring(raw, index + 1)  # type: ignore[attr-defined]
            index = _JSON_SPACE.match(raw, index).end()  # type: ignore[union-attr]
            if raw[index : index + 1] != ":":
                return None
            index = _JSON_SPACE.match(raw, index + 1).end()  # type: ignore[union-attr]
            _, end = decoder.raw_decode(raw, index)
            if name == key:
                span = (index, end)
            index = _JSON_SPACE.match(raw, end).end()  # type: ignore[union-attr]
            if raw[index : index + 1] == "}":
                return span
            if raw[index : index + 1] != ",":
                return None
            index = _JSON_SPACE.match(raw, index + 1).end()  # type: ignore[union-attr]
        return None
    except ValueError:
        return None


def render_source(source: Source, texts: list[str]) -> str:
    """The file content with each document's text replaced by ``texts`` (same order).

    In a JSONL file only the text field of a changed record is rewritten: unchanged records, the
    other fields, their order, spacing and escapes, and the line ends stay byte for byte.
    """
    if not source.is_jsonl:
        return texts[0]
    out = []
    for raw, index in source.raw_lines:
        if index is None or texts[index] == source.documents[index].text:
            out.append(raw)
            continue
        value = json.dumps(texts[index], ensure_ascii=raw.isascii())
        span = _string_value_span(raw, source.text_field)
        if span is not None:
            out.append(raw[: span[0]] + value + raw[span[1] :])
            continue
        record = json.loads(raw)
        record[source.text_field] = texts[index]
        body = raw.rstrip("\r\n")
        out.append(json.dumps(record, ensure_ascii=raw.isascii()) + raw[len(body) :])
    return "".join(out)


def write_atomic(path: Path | str, content: str) -> None:
    """Replace ``path`` with ``content`` so that readers see the old or the new file, never half.

    The temporary file lives in the same directory (``os.replace`` is atomic only within one file
    system) and takes the original's permission bits.
    """
    # Write through a symbolic link (replacing the link by a file would detach it from its target).
    path = Path(os.path.realpath(path))
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        # A new file (a report written with -o): the mode open() would give, not mkstemp's 0600.
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".newslint-tmp")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise


def read_stdin() -> bytes:
    return sys.stdin.buffer.read()
