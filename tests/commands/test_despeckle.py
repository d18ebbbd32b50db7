import numpy as np

from tests.commands._effects import original, speckled
from tests.support import encode, pixels


def _speck_contrast(image: np.ndarray, where: np.ndarray) -> float:
    """How far the marked pixels stand out from the mean of their 4 neighbours."""
    padded = np.pad(image.astype(float), 1, mode="edge")
    around = (padded[:-2, 1:-1] + padded[2:, 1:-1] + padded[1:-1, :-2] + padded[1:-1, 2:]) / 4
    return float(np.abs(image - around)[where].mean())


def test_despeckle_shaves_isolated_specks(api, origin):
    noisy = speckled("camera", fraction=0.02)
    url = origin.add("/effects/specks.png", encode(noisy, "PNG"), Content_Type="image/png")
    out = pixels(api.image(api.get("despeckle", img=url)), "L")
    specks = noisy != original("camera")
    assert out.shape == noisy.shape
    assert _speck_contrast(out, specks) < 0.9 * _speck_contrast(noisy, specks)
    # Elsewhere the photo hardly moves (Crimmins changes values one level at a time).
    assert np.abs(out - original("camera"))[~specks].mean() < 3


def test_despeckle_upload_blob_keeps_a_clean_photo(api):
    blob = api.upload("despeckle", encode(original("coffee").astype(np.uint8), "PNG"), blob="1")
    out = pixels(blob.content)
    assert blob.headers["content-type"] == "image/png"
    change = np.abs(out - original("coffee"))
    assert change.mean() < 4 and change.max() <= 16  # at most one level per hull pass


def test_despeckle_needs_an_image(api):
    assert "img" in api.error(api.get("despeckle"), 400)
