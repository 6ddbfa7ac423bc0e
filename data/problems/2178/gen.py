"""Generator for 2178 (every maze has a path). ``python gen.py SEED [SIZE]`` prints one case."""
import random
import sys
from collections import deque


def render(grid):
    return f"{len(grid)} {len(grid[0])}\n" + "".join("".join(map(str, r)) + "\n" for r in grid)


def parse(text):
    tokens = text.split()
    n = int(tokens[0])
    return [[int(ch) for ch in row] for row in tokens[2:2 + n]]


def reachable(grid):
    n, m = len(grid), len(grid[0])
    if not grid[0][0] or not grid[n - 1][m - 1]:
        return False
    seen = {(0, 0)}
    queue = deque([(0, 0)])
    while queue:
        r, c = queue.popleft()
        if (r, c) == (n - 1, m - 1):
            return True
        for p in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
            if 0 <= p[0] < n and 0 <= p[1] < m and grid[p[0]][p[1]] and p not in seen:
                seen.add(p)
                queue.append(p)
    return False


def _carve(rng, n, m, density):
    grid = [[int(rng.random() < density) for _ in range(m)] for _ in range(n)]
    r = c = 0
    grid[0][0] = 1
    while (r, c) != (n - 1, m - 1):  # a random monotone path guarantees a way through
        if r == n - 1 or (c < m - 1 and rng.random() < 0.5):
            c += 1
        else:
            r += 1
        grid[r][c] = 1
    return grid


def generate(rng: random.Random, size: float) -> str:
    top = max(2, round(100 * size))
    return render(_carve(rng, rng.randint(2, top), rng.randint(2, top),
                         rng.choice([0.3, 0.5, 0.7, 0.85])))


def edge_cases():
    n = m = 100
    snake = [[0] * m for _ in range(n)]
    for r in range(n):
        if r % 2 == 0:
            snake[r] = [1] * m
        else:
            snake[r][m - 1 if r % 4 == 1 else 0] = 1
    return [
        ("smallest", render([[1, 1], [0, 1]])),
        ("all open 100x100", render([[1] * m for _ in range(n)])),
        ("serpentine", render(snake)),
        ("one row", render([[1] * 100, [0] * 99 + [1]])),
        ("largest random", render(_carve(random.Random(2178), n, m, 0.6))),
    ]


def shrink(grid):
    from studylog.judge.shrink import grid_candidates

    for cand in grid_candidates(grid, min_rows=2, min_cols=2, background=0):
        if reachable(cand):
            yield cand


if __name__ == "__main__":
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    size = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    sys.stdout.write(generate(random.Random(seed), size))
