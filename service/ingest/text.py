"""Decoding, date lines and plain-text/Markdown headers for `service.ingest.files` (rules: see there)."""

from __future__ import annotations

import datetime as dt
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from service.errors import BinaryInputError, EmptyInputError, EncodingError, InputError
from service.months import FOLDED_MONTHS
from service.normalise import strip_accents

__all__ = [
    "Parsed",
    "decode_bytes",
    "lang_code",
    "parse_date",
    "parse_plain",
    "prepare_text",
    "read_bytes",
]


def _warn(msg: str, *args: object) -> None:
    """A warning on the "service.ingest.files" logger. logging (with traceback and string) is
    imported when a file first needs one: a run that reads clean files never pays for it."""
    import logging

    logging.getLogger("service.ingest.files").warning(msg, *args, stacklevel=2)


# --- dates ----------------------------------------------------------------------------------------


_WEEKDAY_NAMES = """monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu
    thur thurs fri sat sun lundi mardi mercredi jeudi vendredi samedi dimanche montag dienstag
    mittwoch donnerstag freitag samstag sonntag lunes martes miercoles jueves viernes sabado domingo
    lunedi martedi mercoledi giovedi venerdi sabato domenica segunda terca quarta quinta sexta feira
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag pazartesi sali carsamba persembe cuma
    cumartesi pazar"""
# Words that may sit on a date line besides the date ("Published on", "Updated:", time zones).
_DATE_WORDS = """published updated posted date dated last modified on at am pm a m p le el den de
    del publie mis jour veroffentlicht aktualisiert stand publicado actualizado atualizado pubblicato
    aggiornato gepubliceerd bijgewerkt yayinlanma guncelleme tarihi gmt utc et est edt ct cst cdt mt
    mst mdt pt pst pdt bst cet cest eet eest ist ast msk jst aest trt wib z"""
_DATE_LINE_WORDS = frozenset(_WEEKDAY_NAMES.split()) | frozenset(_DATE_WORDS.split())
_MONTH_RE = "|".join(sorted(FOLDED_MONTHS, key=len, reverse=True))
_DATE_PATTERNS = (
    ("ymd", re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")),
    ("dmy", re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)")),
    (
        "d_m_y",
        re.compile(
            rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th|er|º)?\.?\s+(?:de\s+)?({_MONTH_RE})\b\.?,?\s+(?:de\s+)?(\d{{4}})(?!\d)"
        ),
    ),
    (
        "m_d_y",
        re.compile(rf"\b({_MONTH_RE})\b\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)"),
    ),
)
_TIME_RE = re.compile(r"\d{1,2}[:.h]\d{2}(?:[:.]\d{2})?(?:\.\d+)?|t\d{2}:\d{2}\S*|[+-]\d{2}:?\d{2}")


def _fold(s: str) -> str:
    """Lowercase without accents; dotless i folded too (Turkish month names)."""
    return strip_accents(s.replace("ı", "i").replace("İ", "I")).lower()


def _make_date(y: int, m: int, d: int) -> dt.date | None:
    if not 1800 <= y <= 2200:
        return None
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _find_date(folded: str) -> tuple[dt.date, int, int] | None:
    for kind, rx in _DATE_PATTERNS:
        for m in rx.finditer(folded):
            a, b, c = m.groups()
            if kind == "ymd":
                date = _make_date(int(a), int(b), int(c))
            elif kind == "dmy":
                # day-first unless only month-first is a valid date
                date = _make_date(int(c), int(b), int(a)) or _make_date(int(c), int(a), int(b))
            elif kind == "d_m_y":
                date = _make_date(int(c), FOLDED_MONTHS[b], int(a))
            else:
                date = _make_date(int(c), FOLDED_MONTHS[a], int(b))
            if date is not None:
                return date, m.start(), m.end()
    return None


def parse_date(value: str) -> dt.date | None:
    """A date when `value` is a date (ISO date/datetime or a human date line), else None."""
    value = value.strip()
    if not value or len(value) > 80:
        return None
    try:
        return dt.datetime.fromisoformat(value).date()
    except ValueError:
        pass
    folded = _fold(value)
    found = _find_date(folded)
    if found is None:
        return None
    date, start, end = found
    residue = _TIME_RE.sub(" ", folded[:start] + " " + folded[end:])
    for token in re.findall(r"[^\W\d_]+|\d+", residue):
        if token.isdigit() and len(token) <= 2:
            continue  # "UTC+3", seconds
        if token not in _DATE_LINE_WORDS:
            return None
    return date


# --- decoding -------------------------------------------------------------------------------------

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_CP1252_OK = set("“”‘’‚„–—…€£¥¢©®™°§¶«»·•×÷±¼½¾¿¡\u00a0")
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def _mostly_control(count: int, total: int) -> bool:
    return total > 0 and count / total > 0.01


def _cp1252_text(data: bytes) -> str | None:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    high = [c for c in text if ord(c) > 127]
    if len(high) > 0.10 * len(text):
        return None
    if all(c.isalpha() or c in _CP1252_OK for c in high):
        return text
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a byte-order mark: NULs at nearly every odd (LE) or even (BE)
    byte and almost none at the others, as Latin-script text gives; decoded only if it is valid."""
    if len(data) < 4 or len(data) % 2:
        return None
    half = len(data) // 2
    odd, even = data[1::2].count(0), data[0::2].count(0)
    for nuls, others, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if nuls >= 0.5 * half and others <= 0.01 * half:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            return None if _mostly_control(len(_CONTROL_CHARS.findall(text)), len(text)) else text
    return None


def decode_bytes(data: bytes, where: str, *, html: bool = False, allow_cp1252: bool = True) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise EncodingError(
                    where,
                    f"starts with a {encoding} byte-order mark but is not valid {encoding} "
                    f"(bad bytes at offset {exc.start}); re-save it as UTF-8",
                ) from None
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is not None:
            _warn("%s: read as UTF-16 without a byte-order mark (re-save it as UTF-8)", where)
            return text
        raise BinaryInputError(
            where,
            "contains NUL bytes: this looks like a binary file, not an article; pass a text, HTML or JSON file",
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad_at = exc.start
    if html:
        declared = _CHARSET_RE.search(data[:4096])
        if declared:
            try:
                return data.decode(declared.group(1).decode("ascii"))
            except (LookupError, UnicodeDecodeError):
                pass
    if _mostly_control(len(_CONTROL_BYTES.findall(data)), len(data)):
        raise BinaryInputError(
            where, "is mostly control bytes: this looks like a binary file, not an article"
        )
    if allow_cp1252:
        text = _cp1252_text(data)
        if text is not None:
            _warn(
                "%s: not UTF-8; read as Windows-1252 text (re-save it as UTF-8 to silence this)",
                where,
            )
            return text
    raise EncodingError(
        where,
        f"is not UTF-8 (first bad byte at offset {bad_at}) and not clearly Windows-1252 text; "
        "re-save it as UTF-8, e.g. `iconv -f <its encoding> -t UTF-8 FILE > FILE.utf8`",
    )


def too_big(max_bytes: int) -> str:
    # the limit is the API's `max_bytes`; the command line cannot change it, so say only what helps
    return f"over the {_mib(max_bytes)} limit for one file; split it into smaller files"


def _mib(n: int) -> str:
    """A byte count for people: '1,000 bytes', '12.5 KiB', '20 MiB' (never '20.9715 MB')."""
    if n < 2**10:
        return f"{n:,} bytes"
    unit, div = ("KiB", 2**10) if n < 2**20 else ("MiB", 2**20)
    return f"{n / div:.1f}".removesuffix(".0") + f" {unit}"


def read_bytes(path: Path, max_bytes: int) -> bytes:
    where = str(path)
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode) and not stat.S_ISDIR(st.st_mode):
            raise InputError(
                where,
                "is not a regular file (a pipe, socket or device); reading it could block "
                "forever, so it is skipped: save the article to a file, or pipe it to '-'",
            )
        if st.st_size > max_bytes:
            raise InputError(where, f"is {_mib(st.st_size)}, {too_big(max_bytes)}")
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(where, "no such file; check the path") from None
    except PermissionError:
        raise InputError(
            where,
            "permission denied; make the file readable (chmod +r) or run as a user who can read it",
        ) from None
    except IsADirectoryError:
        raise InputError(
            where, "is a folder; pass it to iter_articles to read the files inside"
        ) from None
    except OSError as exc:
        raise InputError(where, f"cannot be read ({exc.strerror or exc}); check the file") from None
    if len(data) > max_bytes:
        raise InputError(where, f"is larger than {max_bytes:,} bytes, {too_big(max_bytes)}")
    return data


def prepare_text(text: str, where: str) -> str:
    """Apply the only edits ever made to an article's text, and refuse empty or binary text."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.rstrip()
    if not text.strip():
        raise EmptyInputError(
            where, "is empty (or whitespace only); pass a file with an article in it"
        )
    if _mostly_control(len(_CONTROL_CHARS.findall(text)), len(text)):
        raise BinaryInputError(
            where, "is mostly control characters: this looks like a binary file, not an article"
        )
    return text


# --- plain text and Markdown ----------------------------------------------------------------------


@dataclass
class Parsed:
    text: str
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    id: str | None = None


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FM_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
_HEADING = re.compile(r"^#{1,6}\s+(.+?)(?:\s+#+)?\s*$")
_UNDERLINE = re.compile(r"^(?:=+|-+)\s*$")
_FM_KEYS = {
    "title": "title",
    "headline": "title",
    "date": "published",
    "published": "published",
    "pubdate": "published",
    "published_at": "published",
    "url": "url",
    "link": "url",
    "canonical": "url",
    "outlet": "outlet",
    "site": "outlet",
    "site_name": "outlet",
    "publisher": "outlet",
    "language": "language",
    "lang": "language",
    "id": "id",
}


def _front_matter(text: str, parsed: Parsed) -> int:
    """Fill `parsed` from a leading '--- key: value ---' block; return where the rest starts."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return 0
    fields: dict[str, str] = {}
    for line in m.group(1).split("\n"):
        kv = _FM_LINE.match(line)
        if kv and kv.group(2):
            fields[kv.group(1).lower()] = kv.group(2).strip().strip("'\"")
    if not fields:
        return 0
    for key, value in fields.items():
        attr = _FM_KEYS.get(key)
        if attr == "published":
            parsed.published = parsed.published or parse_date(value)
        elif attr and value and getattr(parsed, attr) is None:
            setattr(parsed, attr, value)
    if parsed.language:
        parsed.language = lang_code(parsed.language)
    return m.end()


def _nonblank_lines(text: str, pos: int) -> Iterator[tuple[int, int, str]]:
    """(start, end, stripped line) for each non-blank line from `pos`; lazy, so headers stay cheap."""
    n = len(text)
    while pos < n:
        end = text.find("\n", pos)
        if end == -1:
            end = n
        line = text[pos:end].strip()
        if line:
            yield pos, end, line
        pos = end + 1


_PROSE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
_INNER_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s+[\"'“‘«(\[]?[A-Z0-9]")


def _looks_like_title(line: str) -> bool:
    """A headline: short, and not a paragraph of prose. A line that ends like a sentence and is
    either long (over 12 words) or holds a second sentence is the first paragraph, not a title
    (it used to be taken as the title and its text, quotes included, lost from the body)."""
    words = line.split()
    if len(line) > 200 or len(words) > 30:
        return False
    prose = _PROSE_END.search(line) and (len(words) > 12 or _INNER_SENTENCE_END.search(line))
    return not prose


def _is_widget(line: str) -> bool:
    """Page chrome such as 'A+ A-' or '|': no run of three letters anywhere."""
    return len(line) <= 20 and re.search(r"[^\W\d_]{3,}", line) is None


def _is_site_name(line: str) -> bool:
    """A short line with no sentence shape: a publisher name like 'Rudaw' or 'Daily Sun'."""
    words = line.split()
    if not (len(line) <= 40 and 1 <= len(words) <= 5):
        return False
    if not (line[0].isupper() or line[0].isdigit()) or line[-1] in ".!?,;:-–—":
        return False
    if any(q in line for q in '"“”„«»'):
        return False
    # a lone all-caps place name is a dateline opening the body ("WASHINGTON"), not a site
    return not (len(words) == 1 and line.isupper() and len(line) >= 5)


_BYLINE = re.compile(r"^(?:by|von|par|por|door|di|da|per)\s+\w*[A-ZÀ-Þ]", re.I)


def _byline_date(line: str) -> tuple[bool, dt.date | None]:
    """Whether `line` is a byline ('By Jane Roe | April 2, 2024'), and the date on it if any."""
    name = re.split(r"\s*[|,•·—–]\s*|\s-\s", line, maxsplit=1)[0].split()
    if len(line) > 120 or not 2 <= len(name) <= 8 or not _BYLINE.match(" ".join(name[:2])):
        return False, None
    if not name[1][0].isupper():
        return False, None  # "By the time ..." opens a sentence
    found = _find_date(_fold(line))
    return True, found[0] if found else None


def parse_plain(text: str) -> Parsed:
    parsed = Parsed(text="")
    start = _front_matter(text, parsed)
    titled = parsed.title  # front matter named the title: the first line is body unless it is
    lines = _nonblank_lines(text, start)  # a heading or repeats that title
    first = next(lines, None)
    if first is None:
        return parsed
    body_start, line = first[0], first[2]
    heading = _HEADING.match(line)
    header_date: dt.date | None = None
    if heading:
        parsed.title = parsed.title or heading.group(1).strip()
        body_start = first[1]
    elif (header_date := parse_date(line)) is not None:
        body_start = first[1]
    elif titled is not None and line != titled:
        pass
    elif _looks_like_title(line):
        parsed.title = parsed.title or line
        body_start = first[1]
    zone: list[tuple[str, str, int]] = []  # (kind, line, end) of header lines after the title
    if body_start != first[0]:
        outlet_seen = False
        for i, (_, end, line) in enumerate(lines):
            if i == 0 and parsed.title and _UNDERLINE.match(line):
                zone.append(("rule", line, end))  # Setext heading underline
            elif header_date is None and (d := parse_date(line)) is not None:
                header_date = d
                zone.append(("date", line, end))
            elif (byline := _byline_date(line))[0]:
                header_date = header_date or byline[1]
                zone.append(("byline", line, end))
            elif _is_widget(line):
                zone.append(("widget", line, end))
            elif not outlet_seen and _is_site_name(line):
                outlet_seen = True
                zone.append(("site", line, end))
            else:
                break
            if len(zone) >= 5:
                break
        # site and widget lines are only trusted as header when a date line vouches for them
        if header_date is None:
            zone = [z for z in zone[:1] if z[0] == "rule"]
        if zone:
            body_start = zone[-1][2]
        parsed.outlet = parsed.outlet or next((z[1] for z in zone if z[0] == "site"), None)
    parsed.published = parsed.published or header_date
    body = text[body_start:]
    skip = len(body) - len(body.lstrip())
    # keep the first body line's indentation: back up to its line start
    line_start = body.rfind("\n", 0, skip) + 1 if skip else 0
    parsed.text = body[line_start:] if body.strip() else ""
    if not parsed.text:
        # a lone line is the article itself, not a title over an empty body
        parsed.text = text[first[0] :]
        parsed.title = None
    return parsed


def lang_code(value: str) -> str | None:
    m = re.match(r"\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*$", value)
    return m.group(1).lower() if m else None
