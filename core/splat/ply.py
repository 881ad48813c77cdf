"""The standard 3D Gaussian splat `.ply` file: writer and a reader that trusts nothing.

The layout is graphdeco-inria/gaussian-splatting's (`GaussianModel.save_ply`), which splat viewers
(and Gradio's `gr.Model3D`) read: one `vertex` element, binary little-endian float32 properties

    x y z  nx ny nz  f_dc_0..2  f_rest_0..(3 (K - 1) - 1)  opacity  scale_0..2  rot_0..3

with K = (degree + 1)^2 SH coefficients per channel, the normals zero, the opacity as a logit, the
scales as logs and the rotation as a (w, x, y, z) quaternion: the raw parameters of
`core.splat.gaussians.Gaussians`. `f_rest` is channel-major: every red coefficient of degree >= 1,
then every green one, then every blue one.

The reader accepts only this layout (degrees 0 and 1, what the gallery trains), at most `MAX_COUNT`
Gaussians, a header of at most `MAX_HEADER_BYTES`, and a body of exactly the declared size with finite
values; anything else raises ValueError with the reason.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import torch

from core.splat.gaussians import Gaussians, SplatConfig
from core.splat.projection import DILATION

MAX_COUNT = 1_000_000  # Gaussians a file may declare
MAX_HEADER_BYTES = 16_384
SUPPORTED_DEGREES = (0, 1)


def property_names(sh_degree: int) -> list[str]:
    """Returns the vertex properties of a splat of SH degree `sh_degree`, in file order."""
    rest = 3 * ((sh_degree + 1) ** 2 - 1)
    return [
        *("x", "y", "z", "nx", "ny", "nz"),
        *(f"f_dc_{i}" for i in range(3)),
        *(f"f_rest_{i}" for i in range(rest)),
        "opacity",
        *(f"scale_{i}" for i in range(3)),
        *(f"rot_{i}" for i in range(4)),
    ]


def splat_to_array(gaussians: Gaussians) -> np.ndarray:
    """Returns the splat's rows as one float32 array [N, properties] in the file's order."""
    with torch.no_grad():
        n = len(gaussians)
        sh = gaussians.sh.detach().float()  # [N, K, 3]
        f_rest = sh[:, 1:].transpose(1, 2).reshape(n, -1)  # [N, 3 (K - 1)], channel-major
        columns = [
            gaussians.means.detach().float(),
            torch.zeros(n, 3),
            sh[:, 0],
            f_rest,
            gaussians.opacity_logits.detach().float()[:, None],
            gaussians.log_scales.detach().float(),
            gaussians.quats.detach().float(),
        ]
        return torch.cat(columns, dim=1).numpy().astype("<f4")


def header(count: int, sh_degree: int) -> bytes:
    """Returns the ASCII header of a splat file of `count` Gaussians."""
    lines = ["ply", "format binary_little_endian 1.0", f"element vertex {count}"]
    lines += [f"property float {name}" for name in property_names(sh_degree)]
    lines.append("end_header")
    return ("\n".join(lines) + "\n").encode("ascii")


def write_ply(gaussians: Gaussians, path: str | Path) -> Path:
    """Writes the splat as a standard 3D Gaussian splat `.ply` and returns its path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = splat_to_array(gaussians)
    with path.open("wb") as f:
        f.write(header(len(gaussians), gaussians.config.sh_degree))
        f.write(rows.tobytes())
    return path


def _parse_header(data: bytes) -> tuple[int, int, int]:
    """Returns (count, sh_degree, body offset) of a splat file's bytes, or raises ValueError."""
    end = data.find(b"end_header\n", 0, MAX_HEADER_BYTES)
    if not data.startswith(b"ply\n") or end < 0:
        raise ValueError(f"not a .ply file: it must start with 'ply' and end its header within {MAX_HEADER_BYTES} bytes")
    try:
        lines = data[:end].decode("ascii").split("\n")[1:-1]
    except UnicodeDecodeError:
        raise ValueError("the .ply header is not ASCII") from None
    lines = [line.strip() for line in lines if line.strip() and not line.startswith(("comment", "obj_info"))]
    if not lines or lines[0] != "format binary_little_endian 1.0":
        raise ValueError(f"the .ply must be 'format binary_little_endian 1.0', got {lines[0] if lines else 'nothing'!r}")
    element = lines[1].split() if len(lines) > 1 else []
    if len(element) != 3 or element[:2] != ["element", "vertex"] or not element[2].isdigit():
        raise ValueError("the .ply must declare one 'element vertex <count>' first")
    count = int(element[2])
    if not 1 <= count <= MAX_COUNT:
        raise ValueError(f"the .ply declares {count} Gaussians; between 1 and {MAX_COUNT:,} are accepted")
    properties = lines[2:]
    names = []
    for line in properties:
        parts = line.split()
        if len(parts) != 3 or parts[0] != "property" or parts[1] not in ("float", "float32"):
            raise ValueError(f"every .ply property must be 'property float <name>', got {line!r}")
        names.append(parts[2])
    for degree in SUPPORTED_DEGREES:
        if names == property_names(degree):
            return count, degree, end + len(b"end_header\n")
    raise ValueError(f"the .ply properties are not a 3D Gaussian splat of SH degree {' or '.join(map(str, SUPPORTED_DEGREES))}")


def read_ply(path: str | Path, *, dilation: float = DILATION) -> Gaussians:
    """Returns the splat stored in a standard 3D Gaussian splat `.ply`, after checking its header, size and values.

    The format has no place for the low-pass `dilation` a splat was trained with: viewers assume the
    reference's 0.3 px^2, and so does this reader unless told (the gallery's scene splat uses 0).
    """
    path = Path(path)
    size = path.stat().st_size
    with path.open("rb") as f:
        head = f.read(MAX_HEADER_BYTES)
        count, degree, offset = _parse_header(head)
        width = len(property_names(degree))
        expected = offset + 4 * width * count
        if size != expected:
            raise ValueError(f"the .ply body holds {size - offset} bytes; {count} Gaussians need {expected - offset}")
        f.seek(offset)
        rows = np.frombuffer(f.read(expected - offset), dtype="<f4").reshape(count, width)
    if not np.isfinite(rows).all():
        raise ValueError("the .ply holds values that are not finite numbers")
    values = torch.from_numpy(rows.astype(np.float32))
    k = (degree + 1) ** 2
    f_rest = values[:, 9 : 9 + 3 * (k - 1)].reshape(count, 3, k - 1).transpose(1, 2)  # channel-major -> [N, K - 1, 3]
    tail = 9 + 3 * (k - 1)
    model = Gaussians(SplatConfig(count=count, sh_degree=degree, dilation=dilation))
    with torch.no_grad():
        model.means.copy_(values[:, 0:3])
        model.sh[:, 0] = values[:, 6:9]
        model.sh[:, 1:] = f_rest
        model.opacity_logits.copy_(values[:, tail])
        model.log_scales.copy_(values[:, tail + 1 : tail + 4])
        model.quats.copy_(values[:, tail + 4 : tail + 8])
    if (model.quats.norm(dim=-1) == 0).any():
        raise ValueError("the .ply holds a zero quaternion, which is no rotation")
    return model.eval()
