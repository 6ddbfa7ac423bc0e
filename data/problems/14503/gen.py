"""Generator for 14503. ``python gen.py SEED [SIZE]`` prints one random case."""
import random
import sys


def render(case):
    r, c, d, room = case
    return (f"{len(room)} {len(room[0])}\n{r} {c} {d}\n"
            + "".join(" ".join(map(str, row)) + "\n" for row in room))


def parse(text):
    t = list(map(int, text.split()))
    n, m = t[0], t[1]
    return (t[2], t[3], t[4], [t[5 + i * m:5 + (i + 1) * m] for i in range(n)])


def _room(rng, n, m, walls):
    room = [[1 if r in (0, n - 1) or c in (0, m - 1) or rng.random() < walls else 0
             for c in range(m)] for r in range(n)]
    free = [(r, c) for r in range(n) for c in range(m) if room[r][c] == 0]
    if not free:
        room[1][1] = 0
        free = [(1, 1)]
    r, c = rng.choice(free)
    return (r, c, rng.randrange(4), room)


def generate(rng: random.Random, size: float) -> str:
    n = rng.randint(3, max(3, round(50 * size)))
    m = rng.randint(3, max(3, round(50 * size)))
    return render(_room(rng, n, m, rng.choice([0.0, 0.1, 0.25, 0.4])))


def edge_cases():
    rng = random.Random(14503)
    return [
        ("one free cell", render(_room(rng, 3, 3, 1.0))),
        ("empty 50 x 50", render(_room(rng, 50, 50, 0.0))),
        ("corridor", render((1, 1, 1, [[1] * 50, [1] + [0] * 48 + [1], [1] * 50]))),
        ("maze-like", render(_room(rng, 50, 50, 0.35))),
    ]


if __name__ == "__main__":
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    size = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    sys.stdout.write(generate(random.Random(seed), size))
