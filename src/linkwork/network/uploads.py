"""Checking, storing and reading uploaded documents.

The type of a file is decided by its content, never its name: PDF by its magic bytes, the
office formats (DOCX, XLSX, ODT) by being a ZIP container whose structure says what it is
(`[Content_Types].xml` for Office Open XML, the `mimetype` entry for OpenDocument). Before any
entry of a ZIP is read, the central directory is checked against a zip bomb: the number of
entries, the total uncompressed size and the compression ratio. Files are kept in a private
store under the var directory (never MEDIA_ROOT) and only served through a members' view.
"""

from __future__ import annotations

import hashlib
import io
import logging
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
#: Zip bomb limits, checked on the central directory before anything is decompressed.
MAX_ZIP_ENTRIES = 2000
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
#: Text kept for search per version (a long report's first pages say what it is about).
MAX_EXTRACTED_CHARS = 200_000

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
}
#: Starts of files that are programs, whatever their name says.
EXECUTABLE_SIGNATURES = (
    b"MZ",  # Windows PE
    b"\x7fELF",  # Linux
    b"\xcf\xfa\xed\xfe",  # Mach-O
    b"\xfe\xed\xfa\xcf",
    b"\xca\xfe\xba\xbe",
    b"#!",  # scripts
)
#: Entries that make an office document carry code (macros, embedded programs).
FORBIDDEN_ENTRY_SUFFIXES = (".bin", ".exe", ".dll", ".js", ".vbs", ".bat", ".cmd", ".ps1", ".scr")


@dataclass(frozen=True)
class CheckedFile:
    file_type: str
    content_type: str
    data: bytes

    @property
    def size(self) -> int:
        return len(self.data)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def check_upload(upload: BinaryIO, *, size: int | None = None) -> CheckedFile:
    """Read and check an uploaded file; raise ValidationError saying what is wrong."""
    if size is not None and size > MAX_UPLOAD_BYTES:
        raise ValidationError(_too_large(), code="too_large")
    data = upload.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise ValidationError(_too_large(), code="too_large")
    if not data:
        raise ValidationError(_("The file is empty."), code="empty")
    if data.startswith(EXECUTABLE_SIGNATURES):
        raise ValidationError(
            _("The file is a program, not a document. Upload a PDF, DOCX, ODT or XLSX file."),
            code="executable",
        )
    if data.startswith(b"%PDF-"):
        return CheckedFile("pdf", CONTENT_TYPES["pdf"], data)
    if data.startswith(b"PK\x03\x04"):
        file_type = _office_type(data)
        return CheckedFile(file_type, CONTENT_TYPES[file_type], data)
    raise ValidationError(
        _("The file is not a PDF, DOCX, ODT or XLSX document (checked by its content)."),
        code="wrong_type",
    )


def _too_large() -> str:
    return _("The file is larger than %(mb)s MB.") % {"mb": MAX_UPLOAD_BYTES // (1024 * 1024)}


def _office_type(data: bytes) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError) as exc:
        raise ValidationError(_("The file is a damaged ZIP archive."), code="bad_zip") from exc
    if len(infos) > MAX_ZIP_ENTRIES:
        raise ValidationError(_("The file has too many parts to be a document."), code="zip_bomb")
    total = sum(i.file_size for i in infos)
    compressed = sum(i.compress_size for i in infos)
    if total > MAX_UNCOMPRESSED_BYTES or total > MAX_COMPRESSION_RATIO * max(compressed, 1):
        raise ValidationError(
            _("The file expands to far more than its size (a zip bomb?) and was refused."),
            code="zip_bomb",
        )
    for info in infos:
        if info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1) and (
            info.file_size > 1024 * 1024
        ):
            raise ValidationError(
                _("The file expands to far more than its size (a zip bomb?) and was refused."),
                code="zip_bomb",
            )
        name = info.filename
        if name.startswith("/") or ".." in name.split("/"):
            raise ValidationError(_("The file has unsafe entry names."), code="bad_zip")
        if name.lower().endswith(FORBIDDEN_ENTRY_SUFFIXES):
            raise ValidationError(
                _("The document contains macros or programs; save it without them and retry."),
                code="executable",
            )
    names = {i.filename for i in infos}
    if "[Content_Types].xml" in names:
        content_types = archive.read("[Content_Types].xml").decode("utf-8", "replace")
        if "wordprocessingml.document.main+xml" in content_types:
            return "docx"
        if "spreadsheetml.sheet.main+xml" in content_types:
            return "xlsx"
    elif "mimetype" in names:
        mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
        if mimetype == CONTENT_TYPES["odt"]:
            return "odt"
    raise ValidationError(
        _("The file is a ZIP archive but not a DOCX, ODT or XLSX document."), code="wrong_type"
    )


def extract_text(checked: CheckedFile) -> str:
    """The words in a PDF or DOCX, for search (other types are found by title and summary)."""
    try:
        if checked.file_type == "pdf":
            from pypdf import PdfReader  # heavy: only imported when a PDF arrives

            reader = PdfReader(io.BytesIO(checked.data))
            parts: list[str] = []
            for page in reader.pages[:200]:
                parts.append(page.extract_text() or "")
                if sum(len(p) for p in parts) > MAX_EXTRACTED_CHARS:
                    break
            return " ".join(parts)[:MAX_EXTRACTED_CHARS]
        if checked.file_type == "docx":
            import docx  # heavy: only imported when a DOCX arrives

            document = docx.Document(io.BytesIO(checked.data))
            text = " ".join(p.text for p in document.paragraphs)
            return text[:MAX_EXTRACTED_CHARS]
    except Exception:  # a damaged document is still stored; it is found by title and summary
        logger.warning("network: could not extract text from an uploaded %s", checked.file_type)
    return ""


def private_root() -> Path:
    """Where network files live: outside the web root, never served by the static/media URL."""
    configured = getattr(settings, "NETWORK_PRIVATE_ROOT", None)
    return Path(configured) if configured else Path(settings.VAR_DIR) / "private" / "network"


def store(checked: CheckedFile) -> str:
    """Write the file to the private store under a random name; return its relative path."""
    relative = f"{uuid.uuid4().hex[:2]}/{uuid.uuid4().hex}.{checked.file_type}"
    path = private_root() / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(checked.data)
    return relative


def open_stored(relative: str) -> BinaryIO:
    root = private_root().resolve()
    path = (root / relative).resolve()
    if root not in path.parents:
        raise FileNotFoundError(relative)
    return path.open("rb")
