"""Generator for 2667. ``python gen.py SEED [SIZE]`` prints one random case."""
import random
import sys

MIN_N, MAX_N = 5, 25


def render(grid):
    return f"{len(grid)}\n" + "".join("".join(map(str, row)) + "\n" for row in grid)


def parse(text):
    tokens = text.split()
    n = int(tokens[0])
    return [[int(ch) for ch in row] for row in tokens[1:1 + n]]


def generate(rng: random.Random, size: float) -> str:
    n = max(MIN_N, min(MAX_N, round(MIN_N + size * (MAX_N - MIN_N) * rng.uniform(0.6, 1.0))))
    density = rng.choice([0.2, 0.35, 0.5, 0.6, 0.75])
    return render([[int(rng.random() < density) for _ in range(n)] for _ in range(n)])


def _snake(n):
    grid = [[0] * n for _ in range(n)]
    for r in range(0, n, 2):
        for c in range(n):
            grid[r][c] = 1
        if r + 1 < n:
            grid[r + 1][n - 1 if (r // 2) % 2 == 0 else 0] = 1
    return grid


def edge_cases():
    n = MAX_N
    rng = random.Random(2667)
    border = [[1 if r in (0, n - 1) or c in (0, n - 1) else 0 for c in range(n)] for r in range(n)]
    corners = [[0] * n for _ in range(n)]
    for r, c in ((0, 0), (0, n - 1), (n - 1, 0), (n - 1, n - 1)):
        corners[r][c] = 1
    return [
        ("all zeros", render([[0] * n for _ in range(n)])),
        ("all ones", render([[1] * n for _ in range(n)])),
        ("checkerboard", render([[(r + c) % 2 for c in range(n)] for r in range(n)])),
        ("smallest N", render([[1, 0, 1, 1, 0], [1, 0, 0, 1, 0], [0, 0, 1, 0, 0],
                               [1, 1, 0, 0, 1], [0, 1, 0, 1, 1]])),
        ("largest N", render([[int(rng.random() < 0.55) for _ in range(n)] for _ in range(n)])),
        ("border ring", render(border)),
        ("corner houses", render(corners)),
        ("long snake", render(_snake(n))),
        ("two snakes", render([row[:] for row in _snake(n)[:n - 1]] + [[1] * n])),
    ]


def shrink(grid):
    from studylog.judge.shrink import grid_candidates

    yield from grid_candidates(grid, min_rows=MIN_N, min_cols=MIN_N, square=True, background=0)


if __name__ == "__main__":
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    size = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    sys.stdout.write(generate(random.Random(seed), size))
