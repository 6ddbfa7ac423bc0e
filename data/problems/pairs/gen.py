"""Generator for pairs. ``python gen.py SEED [SIZE]`` prints one random case."""
import random
import sys


def render(case):
    x, a = case
    return f"{len(a)}\n{' '.join(map(str, a))}\n{x}\n"


def parse(text):
    t = list(map(int, text.split()))
    return (t[1 + t[0]], t[1:1 + t[0]])


def _case(rng, n, top):
    a = rng.sample(range(1, top + 1), min(n, top))
    x = rng.choice([rng.randint(1, 2 * top), rng.choice(a) + rng.choice(a), top + 1])
    return (min(x, 2_000_000), a)


def generate(rng: random.Random, size: float) -> str:
    n = rng.randint(1, max(1, round(100000 * size ** 3)))
    top = rng.choice([max(n, 10), 2 * n + 5, 1_000_000])
    return render(_case(rng, n, min(top, 1_000_000)))


def edge_cases():
    rng = random.Random(3273)
    return [
        ("one number", render((2, [1]))),
        ("no pair", render((100, [1, 2, 3]))),
        ("half of X is in the list", render((10, [5, 1, 9, 4, 6]))),
        ("every number pairs", render((100001, list(range(1, 100001))))),
        ("largest values", render((2_000_000, [1_000_000, 999_999, 1]))),
        ("100000 random", render(_case(rng, 100000, 1_000_000))),
    ]


def shrink(case):
    from studylog.judge.shrink import chunks_removed

    x, a = case
    for fewer in chunks_removed(a, min_len=1):
        yield (x, fewer)


if __name__ == "__main__":
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    size = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    sys.stdout.write(generate(random.Random(seed), size))
