"""Generator for 4963. ``python gen.py SEED [SIZE]`` prints one random case."""
import random
import sys


def render(maps):
    lines = []
    for grid in maps:
        lines.append(f"{len(grid[0])} {len(grid)}")
        lines.extend(" ".join(map(str, row)) for row in grid)
    return "\n".join(lines + ["0 0"]) + "\n"


def parse(text):
    it = iter(text.split())
    maps = []
    while True:
        w, h = int(next(it)), int(next(it))
        if w == 0 and h == 0:
            return maps
        maps.append([[int(next(it)) for _ in range(w)] for _ in range(h)])


def _map(rng, w, h, density):
    return [[int(rng.random() < density) for _ in range(w)] for _ in range(h)]


def generate(rng: random.Random, size: float) -> str:
    top = max(1, round(50 * size))
    count = rng.randint(1, max(1, round(8 * size)))
    return render([_map(rng, rng.randint(1, top), rng.randint(1, top),
                        rng.choice([0.2, 0.35, 0.5, 0.65])) for _ in range(count)])


def edge_cases():
    diag = [[int(r == c) for c in range(50)] for r in range(50)]
    anti = [[int(r + c == 49) for c in range(50)] for r in range(50)]
    return [
        ("single sea", render([[[0]]])),
        ("single land", render([[[1]]])),
        ("diagonal line", render([diag])),
        ("anti-diagonal", render([anti])),
        ("checkerboard", render([[[(r + c) % 2 for c in range(50)] for r in range(50)]])),
        ("stripes", render([[[int(r % 2 == 0) for _ in range(50)] for r in range(50)]])),
        ("one row and one column", render([[[1, 0, 1, 1, 0, 1]], [[1], [0], [1]]])),
        ("all land 50x50", render([[[1] * 50 for _ in range(50)]])),
    ]


def shrink(maps):
    from studylog.judge.shrink import chunks_removed, grid_candidates

    yield from chunks_removed(maps, min_len=1)
    for i, grid in enumerate(maps):
        for cand in grid_candidates(grid, background=0):
            yield maps[:i] + [cand] + maps[i + 1:]


if __name__ == "__main__":
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    size = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    sys.stdout.write(generate(random.Random(seed), size))
