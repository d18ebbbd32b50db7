import pytest

from pixmill.engine import animation
from pixmill.engine.codec import Limits
from pixmill.engine.compose import canvas
from pixmill.errors import BadRequest

LIMITS = Limits(50_000_000, 16384, 10, 1_000_000, 85)


def _clip(count: int):
    frames = [canvas(30, 20, (40 * i, 0, 0, 255)) for i in range(count)]
    return animation.assemble(frames, [100, 200, 300][:count] if count <= 3 else 50, loop=2)


def test_assemble_and_split_round_trip():
    clip = _clip(3)
    assert animation.frame_height(clip) == 20 and clip.height == 60
    assert animation.delays(clip) == [100, 200, 300]
    assert [f(0, 0)[0] for f in animation.frames(clip)] == [0, 40, 80]


def test_map_frames_keeps_timing_and_loop_and_sees_indexes():
    seen = []

    def change(index, frame):
        seen.append(index)
        return frame.crop(0, 0, 10, 5)

    out = animation.map_frames(_clip(3), change)
    assert seen == [0, 1, 2]
    assert (out.width, out.height, animation.frame_height(out)) == (10, 15, 5)
    assert animation.delays(out) == [100, 200, 300] and out.get("loop") == 2


def test_a_still_image_is_one_frame():
    still = canvas(8, 8, (0, 0, 0, 255))
    assert animation.map_frames(still, lambda _, f: f.crop(0, 0, 2, 2)).height == 2


def test_budgets():
    animation.check_budget(10, 100, 100, LIMITS)
    with pytest.raises(BadRequest, match="at most 10 frames"):
        animation.check_budget(11, 1, 1, LIMITS)
    with pytest.raises(BadRequest, match="budget"):
        animation.check_budget(5, 1000, 1000, LIMITS)
