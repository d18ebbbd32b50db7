"""Regenerate docs/gallery/ and docs/gallery.md: the output of every drawing, text,
composition, GIF, generation and encryption endpoint, called over HTTP on the same photo.

Run with ``make gallery`` (needs the dev extra: scikit-image for the photo, httpx2 for the
in-process client). The server is the real one (worker processes, disk storage) in a
temporary directory; nothing is left behind but the PNGs and the page.
"""

from __future__ import annotations

import io
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image
from skimage import data
from starlette.testclient import TestClient

from pixmill.app import create_app, open_keys
from pixmill.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "gallery"
SIZE = 256  # small enough to keep the PNGs in git light, large enough to read the text


def _png(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(array).save(buffer, format="PNG")
    return buffer.getvalue()


def _photo() -> np.ndarray:
    return np.asarray(Image.fromarray(data.astronaut()).resize((SIZE, SIZE), Image.LANCZOS))


def _sticker() -> bytes:
    """A round, partly transparent overlay cut from another photo."""
    coffee = np.asarray(Image.fromarray(data.coffee()).resize((96, 64), Image.LANCZOS))
    yy, xx = np.mgrid[:64, :96]
    alpha = (((xx - 48) / 48) ** 2 + ((yy - 32) / 32) ** 2 <= 1).astype(np.uint8) * 255
    return _png(np.dstack([coffee, alpha]))


def _animation(photo: np.ndarray) -> bytes:
    """Six frames panning across the photo."""
    frames = [Image.fromarray(photo[20 : 20 + 128, 10 * i : 10 * i + 160]) for i in range(6)]
    buffer = io.BytesIO()
    frames[0].save(
        buffer, format="GIF", save_all=True, append_images=frames[1:], duration=150, loop=0
    )
    return buffer.getvalue()


def _contact_sheet(gif: bytes) -> bytes:
    """An animation's frames side by side, so a PNG can show them."""
    image = Image.open(io.BytesIO(gif))
    frames = []
    for index in range(image.n_frames):
        image.seek(index)
        frames.append(np.asarray(image.convert("RGB")))
    gap = np.full((frames[0].shape[0], 4, 3), 255, np.uint8)
    row = [part for frame in frames for part in (frame, gap)][:-1]
    return _png(np.hstack(row))


class Gallery:
    """Calls endpoints through the in-process server and records each output."""

    def __init__(self, client: TestClient, key: str) -> None:
        self.client, self.key = client, key
        self.entries: list[tuple[str, str, str, str]] = []
        self.labels: dict[str, str] = {}  # stored links -> what the page calls them

    def call(self, endpoint: str, upload: bytes | None = None, **params: Any) -> bytes:
        if upload is not None:
            form = {k: v if isinstance(v, str) else json.dumps(v) for k, v in params.items()}
            reply = self.client.post(
                f"/{endpoint}",
                data={"key": self.key, "blob": "true", **form},
                files={"file": ("in", upload, "application/octet-stream")},
            )
        else:
            reply = self.client.post(f"/{endpoint}", json={"key": self.key, "blob": True, **params})
        if reply.headers["content-type"] == "application/json":
            raise RuntimeError(f"{endpoint}: {reply.json()}")
        return reply.content

    def link(self, picture: bytes, label: str) -> str:
        """Store a picture; the page shows ``label`` instead of its (random) link."""
        reply = self.client.post(
            "/store",
            data={"key": self.key},
            files={"file": ("in", picture, "application/octet-stream")},
        )
        link = reply.json()["link"]
        self.labels[link] = f"<{label}>"
        return link

    def describe(self, params: dict[str, Any]) -> str:
        shown = ", ".join(f"{k}={json.dumps(v, ensure_ascii=False)}" for k, v in params.items())
        for link, label in self.labels.items():
            shown = shown.replace(f'"{link}"', label)
        return shown

    def add(self, name: str, endpoint: str, output: bytes, call: str, note: str = "") -> None:
        if output[:6] in (b"GIF87a", b"GIF89a"):
            output = _contact_sheet(output)
        elif not output.startswith(b"\x89PNG"):
            output = _png(np.asarray(Image.open(io.BytesIO(output)).convert("RGB")))
        (OUT / f"{name}.png").write_bytes(output)
        self.entries.append((name, endpoint, call, note))


def build(gallery: Gallery) -> None:
    photo = _photo()
    source = _png(photo)
    source_link = gallery.link(source, "photo link")
    sticker_link = gallery.link(_sticker(), "sticker link")
    gif = _animation(photo)
    face = {
        "face_id": 1,
        "left": 88,
        "top": 41,
        "width": 48,
        "height": 55,
        "right": 136,
        "bottom": 96,
    }

    def run(
        name: str, endpoint: str, note: str = "", upload: bytes | None = source, **params: Any
    ) -> bytes:
        output = gallery.call(endpoint, upload, **params)
        gallery.add(name, endpoint, output, gallery.describe(params), note)
        return output

    gallery.add("input", "(input)", source, "the photo every call below starts from")
    run(
        "drawtext",
        "drawtext",
        top="one does not simply",
        bottom="walk into mordor",
        cap=True,
        strokecolor="black",
    )
    run(
        "drawtext-scripts",
        "meme",
        top="Ça déjà vu",
        center="Привет 你好 مرحبا",
        bottom="Ἀθῆναι",
        font="sans",
        color="yellow",
        strokecolor="black",
        strokewidth=1,
    )
    run(
        "drawtextat",
        "drawtextat",
        text="Hello",
        x=20,
        y=60,
        size=40,
        color="orange",
        strokecolor="black",
    )
    run(
        "annotate",
        "annotate",
        text="pixmill",
        x=40,
        y=230,
        size=36,
        degree=-20,
        color="#00ffff",
        font="bold",
    )
    run(
        "drawline", "drawline", startx=10, starty=240, endx=240, endy=20, color="red", strokewidth=4
    )
    run(
        "drawlines",
        "drawlines",
        lines=[
            {"startx": 0, "starty": 128, "endx": 255, "endy": 128},
            {"startx": 128, "starty": 0, "endx": 128, "endy": 255, "color": "yellow"},
        ],
        strokewidth=3,
    )
    run(
        "drawpoints",
        "drawpoints",
        points=[{"x": 103, "y": 60}, {"x": 122, "y": 60}, {"x": 113, "y": 72, "color": "red"}],
        color="lime",
        strokewidth=7,
    )
    run(
        "drawrectangle",
        "drawrectangle",
        x=80,
        y=30,
        width=64,
        height=76,
        color="red",
        strokewidth=3,
        fillcolor="#ffff0040",
    )
    run(
        "drawrectangles",
        "drawrectangles",
        cord=[face, {"x": 170, "y": 150, "width": 60, "height": 60, "color": "cyan"}],
        strokewidth=2,
        strokeopacity=1,
    )
    blurred = run(
        "mogrify", "mogrify", "the face box from facedetect's shape, blurred", cord=[face]
    )
    run(
        "merge",
        "merge",
        "two stickers, the second with center/center_y on (200, 200)",
        upload=None,
        src=source_link,
        cord=[
            {"img": sticker_link, "x": 10, "y": 10},
            {"img": sticker_link, "x": 200, "y": 200, "center": True, "center_y": True},
        ],
    )
    run(
        "imgdiff",
        "imgdiff",
        "src = the photo, target = the mogrify output; the reply's diff is the MSE",
        upload=source,
        target=gallery.link(blurred, "mogrify output link"),
    )
    run(
        "cropgif",
        "cropgif",
        "every frame of a 6-frame GIF, cropped",
        upload=gif,
        x=20,
        y=10,
        width=100,
        height=90,
    )
    run("resizegif", "resizegif", "every frame resized", upload=gif, width=80, height=64)
    run(
        "gifcomposite",
        "gifcomposite",
        "the sticker from frame 2 on",
        upload=gif,
        composite=sticker_link,
        x=30,
        y=30,
        frame=2,
    )

    def still(name: str) -> bytes:
        picture = Image.fromarray(getattr(data, name)()).convert("RGB").resize((128, 96))
        return _png(np.asarray(picture))

    names = ("astronaut", "coffee", "chelsea", "rocket")
    frames = [{"img": gallery.link(still(name), f"{name} link")} for name in names]
    run("makegif", "makegif", "four stills, 500 ms each", upload=None, frames=frames, delay=500)
    run("newimage", "newimage", upload=None, width=256, height=128, color="yellow")
    run("pixelgenerate", "pixelgenerate", upload=None, width=256, height=128)
    run(
        "captchagenerate",
        "captchagenerate",
        "the reply also carries the answer in text",
        upload=None,
        text="PX7K2M",
    )
    sealed = run("encrypt", "encrypt", "AES-256-GCM ciphertext stored as pixels", pwd="s3cret")
    run("decrypt", "decrypt", "identical pixels to the input", upload=sealed, pwd="s3cret")


def write_page(entries: list[tuple[str, str, str, str]]) -> None:
    lines = [
        "# Gallery: drawing, text, composition, GIF, generation, encryption",
        "",
        "Every endpoint of these families called over HTTP on the same photo (scikit-image's",
        "astronaut at 256 px). Regenerate with `make gallery` (`scripts/gallery.py`). GIF",
        "outputs are shown as their frames side by side. `facegenerate` is not here: it",
        "answers 503 (no generative model ships offline).",
        "",
    ]
    for name, endpoint, call, note in entries:
        lines += [f"## {endpoint}", ""]
        if call:
            lines += [f"`{call}`" if endpoint != "(input)" else call, ""]
        if note:
            lines += [note, ""]
        lines += [f"![{endpoint}](gallery/{name}.png)", ""]
    (ROOT / "docs" / "gallery.md").write_text("\n".join(lines))


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as temp:
        settings = Settings(
            data_dir=Path(temp),
            public_url="http://gallery",
            workers=2,
            rate_limit_per_minute=1_000_000,
        )
        key = open_keys(settings).create("gallery")[0]
        with TestClient(create_app(settings)) as client:
            gallery = Gallery(client, key)
            build(gallery)
    write_page(gallery.entries)
    print(f"wrote {len(gallery.entries)} images to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
