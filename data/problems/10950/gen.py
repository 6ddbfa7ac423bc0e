"""Generator for 10950. ``python gen.py SEED [SIZE]`` prints one random case."""
import random
import sys


def render(pairs):
    return f"{len(pairs)}\n" + "".join(f"{a} {b}\n" for a, b in pairs)


def parse(text):
    t = list(map(int, text.split()))
    return [(t[1 + 2 * i], t[2 + 2 * i]) for i in range(t[0])]


def generate(rng: random.Random, size: float) -> str:
    n = rng.randint(1, max(1, round(1000 * size ** 2)))
    return render([(rng.randint(1, 9), rng.randint(1, 9)) for _ in range(n)])


def edge_cases():
    return [
        ("one case", render([(1, 1)])),
        ("all nines", render([(9, 9)] * 1000)),
        ("many cases", render([(1 + i % 9, 9 - i % 9) for i in range(1000)])),
    ]


def shrink(pairs):
    from studylog.judge.shrink import chunks_removed

    yield from chunks_removed(pairs, min_len=1)


if __name__ == "__main__":
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    size = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    sys.stdout.write(generate(random.Random(seed), size))
