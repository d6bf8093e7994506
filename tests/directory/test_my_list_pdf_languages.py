"""The My list PDF in Arabic and Simplified Chinese: WeasyPrint finds fonts with those scripts
(the print stylesheet's font stack; Debian fonts-dejavu-core or fonts-noto-core for Arabic,
fonts-wqy-microhei or fonts-noto-cjk for Chinese) and the text comes out as written."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from pypdf import PdfReader

from linkwork.directory.models import ContentTranslation
from tests.directory import factories as f

pytestmark = pytest.mark.django_db

ARABIC_FONTS = ("DejaVu", "Noto-Sans-Arabic", "Noto-Naskh", "NotoSansArabic", "NotoNaskh")
CHINESE_FONTS = ("WenQuanYi", "Noto-Sans-CJK", "NotoSansCJK")


def _pdf(language: str, name: str) -> tuple[str, set[str]]:
    service = f.ServiceFactory(name="Tea and chat", summary="Weekly tea")
    ContentTranslation.objects.create(service=service, language=language, name=name)
    client = Client()
    client.post(f"/my-list/add/{service.id}/")
    response = client.get("/my-list/pdf/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    return " ".join(page.extract_text() for page in reader.pages), fonts


def test_arabic_pdf_has_arabic_glyphs() -> None:
    text, fonts = _pdf("ar", "شاي ودردشة")
    assert "شاي ودردشة" in text and "خدمات لك" in text
    assert any(name in font for font in fonts for name in ARABIC_FONTS), fonts


def test_chinese_pdf_has_chinese_glyphs() -> None:
    text, fonts = _pdf("zh-hans", "喝茶聊天")
    assert "喝茶聊天" in text and "为您准备的服务" in text
    assert any(name in font for font in fonts for name in CHINESE_FONTS), fonts
