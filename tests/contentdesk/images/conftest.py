"""Pictures made on the fly for the image tests, and a private MEDIA_ROOT for every test."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture
def media_files(_media):
    """The files stored under MEDIA_ROOT, as a sorted list of relative paths."""

    def _files():
        if not _media.exists():
            return []
        return sorted(str(path.relative_to(_media)) for path in _media.rglob("*") if path.is_file())

    return _files


def picture(width=640, height=480, colour=(70, 130, 180), mode="RGB") -> Image.Image:
    """A picture with a gradient, so that crops and overlays change visible pixels."""
    gradient = Image.linear_gradient("L").resize((width, height))
    image = Image.new(mode, (width, height), colour if mode == "RGB" else (*colour, 255))
    if mode == "RGB":
        image = Image.blend(image, Image.merge("RGB", [gradient] * 3), 0.3)
    return image


def encoded(image: Image.Image, fmt="JPEG", **options) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def upload(name: str, data: bytes, content_type="image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def jpeg_upload(name="officina.jpg", width=640, height=480, **options) -> SimpleUploadedFile:
    return upload(name, encoded(picture(width, height), "JPEG", **options))


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_declaring(width: int, height: int) -> bytes:
    """A tiny, well-formed PNG header that declares a huge picture: a decompression bomb."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    # A few compressed rows of zeros: decoding all of it would need width × height × 3 bytes.
    data = zlib.compress(b"\x00" * (1 + width * 3) * 4, 9)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", data) + _chunk(b"IEND", b"")
