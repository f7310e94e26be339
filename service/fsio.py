"""Files written the safe way: atomically (temp file + os.replace), with the user's default
permissions but never world-writable, and with anything that looks like a credential redacted."""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

TMP_SUFFIX = ".ndtmp"


def ensure_dir(path: Path) -> Path:
    """Create `path` (and parents) with the umask's permissions, minus world-write if the umask allows it."""
    missing = []
    p = path
    while not p.exists():
        missing.append(p)
        if p.parent == p:
            break
        p = p.parent
    path.mkdir(parents=True, exist_ok=True)
    for made in missing:
        _drop_world_write(made)
    return path


def _drop_world_write(path: Path) -> None:
    with contextlib.suppress(OSError):
        mode = path.stat().st_mode
        if mode & 0o002:
            os.chmod(path, mode & 0o7775)


def create_file(path: Path) -> int:
    """Open a new file with mode 0666 filtered by the umask (mkstemp would force 0600)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    mode = os.fstat(fd).st_mode
    if mode & 0o002:
        os.fchmod(fd, mode & 0o775)
    return fd


def atomic_write_text(path: Path, text: str, *, fsync: bool = False) -> Path:
    """Write `text` to `path` via a temp file in the same folder and os.replace: readers (and a
    rerun after a crash) see the old file or the new one, never half of one."""
    ensure_dir(path.parent)
    # the writer's pid in the name lets a later run tell a dead writer's leftovers from a live one's
    # 12 random hex digits, as uuid4().hex[:12] gave (importing uuid, with platform, cost every
    # command a few ms of start-up)
    tmp = path.with_name(f".{path.name}.{os.getpid()}-{os.urandom(6).hex()}{TMP_SUFFIX}")
    fd = create_file(tmp)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            if fsync:
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return path


_TMP_PID = re.compile(r"\.(\d+)-[0-9a-f]{12}" + re.escape(TMP_SUFFIX) + "$")


def pid_alive(pid: int) -> bool:
    """Whether a process with this id exists on this machine (signal 0 probes without killing)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, owned by someone else
    except OSError:
        return False
    return True


def remove_stale_temps(folder: Path) -> int:
    """Delete temp files a killed run left behind in `folder`: only ours (dot-named, TMP_SUFFIX)
    and only a dead writer's: another live run's temp files are left alone."""
    n = 0
    if folder.is_dir():
        for p in folder.glob(f".*{TMP_SUFFIX}"):
            m = _TMP_PID.search(p.name)
            if m is not None and (int(m.group(1)) == os.getpid() or pid_alive(int(m.group(1)))):
                continue
            with contextlib.suppress(OSError):
                p.unlink()
                n += 1
    return n


_SECRET_ENV = re.compile(r"(API_KEY|_TOKEN|_SECRET|PASSWORD)$", re.IGNORECASE)
_SECRET_SHAPES = re.compile(
    r"(sk-[A-Za-z0-9_\-]{8,}|Bearer\s+[A-Za-z0-9._\-]{8,}|(?i:api[_-]?key)[\"']?\s*[:=]\s*[\"']?[^\s\"',}]{6,})"
)


def redact(text: str) -> str:
    """Remove anything that looks like a credential from a message before it is stored or written:
    the values of *_API_KEY/*_TOKEN/*_SECRET environment variables and common key shapes."""
    for name, value in os.environ.items():
        if len(value) >= 8 and _SECRET_ENV.search(name) and value in text:
            text = text.replace(value, "[redacted]")
    return _SECRET_SHAPES.sub("[redacted]", text)


def safe_filename(name: str) -> str:
    """An article id as a file name: letters, digits, '-', '_' and inner dots; never empty."""
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name).strip(".") or "article"
