"""Generator for 7576. ``python gen.py SEED [SIZE]`` prints one random case."""
import random
import sys


def render(grid):
    return f"{len(grid[0])} {len(grid)}\n" + "".join(" ".join(map(str, r)) + "\n" for r in grid)


def parse(text):
    tokens = text.split()
    m, n = int(tokens[0]), int(tokens[1])
    return [list(map(int, tokens[2 + r * m:2 + (r + 1) * m])) for r in range(n)]


def _box(rng, m, n, ripe, empty):
    grid = [[rng.choices((1, -1, 0), (ripe, empty, 1 - ripe - empty))[0] for _ in range(m)]
            for _ in range(n)]
    if not any(1 in row for row in grid):
        grid[rng.randrange(n)][rng.randrange(m)] = 1
    return grid


def generate(rng: random.Random, size: float) -> str:
    top = max(2, round(1000 * size ** 2))  # most cases small, the last ones full size
    m, n = rng.randint(2, top), rng.randint(2, top)
    return render(_box(rng, m, n, rng.choice([0.001, 0.01, 0.05]), rng.choice([0.0, 0.1, 0.3])))


def edge_cases():
    corner = [[0] * 1000 for _ in range(1000)]
    corner[0][0] = 1
    wall = [[0] * 6 for _ in range(4)]
    wall[0][0] = 1
    for r in range(4):
        wall[r][3] = -1
    return [
        ("all ripe", render([[1, 1], [1, 1]])),
        ("blocked", render(wall)),
        ("ripe and empty only", render([[1, -1, 1], [-1, -1, 1]])),
        ("one ripe corner 1000x1000", render(corner)),
        ("two ripe corners", render([[1] + [0] * 8 + [1]] + [[0] * 10 for _ in range(9)])),
    ]


def shrink(grid):
    from studylog.judge.shrink import grid_candidates

    for cand in grid_candidates(grid, min_rows=2, min_cols=2, background=-1):
        if any(1 in row for row in cand):
            yield cand


if __name__ == "__main__":
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    size = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    sys.stdout.write(generate(random.Random(seed), size))
