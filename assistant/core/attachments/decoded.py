"""One decode per picture: the pixels the inspection looks at are the pixels the fix works on,
and what the fix encodes is re-inspected without being decoded again.

- :class:`Keep` — :func:`~.fixes.fix_file` asks the inspection it runs itself to keep its
  decode: when the fix will re-encode the picture, the inspection decodes it at the scale the
  fix needs (:func:`fix_scale`; a JPEG at that DCT scale, never in full when it must shrink),
  takes its statistics from that image and hands it over as :class:`Decoded`. The fix uses it
  only for the very file it opens again (same device, inode, size and modification time).
- :class:`Known` — what a fix encoded: the bytes written and the pixels they were made from.
  The re-inspection of the written file still reads all of it (format by content, size against
  the limit, every metadata block, the header: size, mode, orientation); only the pixel
  statistics (blank, dark, blurred …) come from the pixels that were encoded, and only when the
  file holds exactly the bytes encoded. So what enters a bundle was checked as written, and a
  picture just encoded is not decoded again to learn what its pixels were.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image

from assistant.core.attachments import raster
from assistant.core.attachments.model import Inspection

# A picture that must shrink (over the byte limit) is decoded at the smallest JPEG DCT scale
# (1/2, 1/4, 1/8; other formats: decoded, then box-reduced) that keeps at least this many pixels
# and the readable size: 8 MP is an A4 page at 300 dpi, and no provider's limit (2-5 MB) holds
# more than about that at a good JPEG quality. A 48 MP phone photo is decoded at 1/2 (12 MP),
# never at full size: a quarter of the memory, and no full-resolution resampling.
SHRINK_KEEP_PIXELS = 8_000_000

Identity = tuple[int, int, int, int]


def identity(st: os.stat_result) -> Identity:
    """What tells one version of a file from another: device, inode, size, modification time."""
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def fix_scale(width: int, height: int, shrink: bool, floor: int) -> int:
    """The reduction (1, 2, 4 or 8 on each side) a fix decodes a ``width``×``height`` picture at:
    1 unless it must ``shrink``; then the largest that keeps :data:`SHRINK_KEEP_PIXELS` and a
    short side of at least ``floor``."""
    if not shrink:
        return 1
    for scale in (8, 4, 2):
        kept = (width // scale) * (height // scale)
        if kept >= SHRINK_KEEP_PIXELS and min(width, height) // scale >= floor:
            return scale
    return 1


@dataclass
class Decoded:
    """The first frame of a file decoded once, as stored (not yet turned upright), reduced
    ``scale`` times; ``orientation`` is its EXIF orientation, ``source`` the file's identity,
    ``stats`` the inspection's statistics of exactly this image."""

    image: Image.Image
    scale: int
    orientation: int
    source: Identity | None
    stats: raster.Stats | None = None


# (format, header facts, the inspection so far, bytes after the picture) -> the scale the fix
# decodes at, or None when the fix will not decode the picture at all
Planner = Callable[[str, raster.RasterFacts, Inspection, int], int | None]


@dataclass
class Keep:
    """A fix's request to the inspection it runs: decode once for both (see the module)."""

    plan: Planner
    source: Identity | None = None  # set by the inspection when it opens the file
    decoded: Decoded | None = None  # set by the inspection when it decoded for the fix

    def decode(
        self, im: Image.Image, fmt: str, facts: raster.RasterFacts, insp: Inspection, trailing: int
    ) -> Decoded | None:
        """The picture decoded at the fix's scale (kept here), or None when the fix needs no
        pixels (the inspection then makes its usual reduced decode)."""
        scale = self.plan(fmt, facts, insp, trailing)
        if scale is None:
            return None
        image = raster.full_decode(im, fmt, scale=scale)
        done = max(1, round(facts.width / max(1, image.width)))
        self.decoded = Decoded(image, done, facts.orientation, self.source)
        return self.decoded

    def take(self, source: Identity) -> Decoded | None:
        """The kept decode when it is of the file with ``source`` identity (then forgotten)."""
        decoded, self.decoded = self.decoded, None
        if decoded is None or decoded.source is None or decoded.source != source:
            return None
        return decoded


@dataclass
class Known:
    """A picture a fix just encoded: the bytes written and the pixels they were made from
    (``computed``: their statistics, when the inspection computed them on this very image)."""

    data: bytes
    image: Image.Image
    computed: raster.Stats | None = None

    def stats(self) -> raster.Stats:
        if self.computed is None:
            self.computed = raster.pixel_stats(self.image)
        return self.computed
