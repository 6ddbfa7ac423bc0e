"""Generator for 11053. ``python gen.py SEED [SIZE]`` prints one random case."""
import random
import sys


def render(a):
    return f"{len(a)}\n{' '.join(map(str, a))}\n"


def parse(text):
    t = list(map(int, text.split()))
    return t[1:1 + t[0]]


def generate(rng: random.Random, size: float) -> str:
    n = rng.randint(1, max(1, round(1000 * size ** 2)))
    top = rng.choice([3, 50, 1000])
    return render([rng.randint(1, top) for _ in range(n)])


def edge_cases():
    return [
        ("one number", render([7])),
        ("all equal", render([5] * 1000)),
        ("increasing 1..1000", render(list(range(1, 1001)))),
        ("decreasing", render(list(range(1000, 0, -1)))),
        ("zigzag", render([1 + (i % 2) * 500 + i // 2 for i in range(1000)])),
    ]


def shrink(a):
    from studylog.judge.shrink import chunks_removed

    yield from chunks_removed(a, min_len=1)


if __name__ == "__main__":
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    size = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    sys.stdout.write(generate(random.Random(seed), size))
