"""Generator for 1546. ``python gen.py SEED [SIZE]`` prints one random case."""
import random
import sys


def render(scores):
    return f"{len(scores)}\n{' '.join(map(str, scores))}\n"


def parse(text):
    t = list(map(int, text.split()))
    return t[1:1 + t[0]]


def generate(rng: random.Random, size: float) -> str:
    n = rng.randint(1, max(1, round(1000 * size ** 2)))
    lo = rng.choice([0, 40, 90])
    scores = [rng.randint(lo, 100) for _ in range(n)]
    if max(scores) == 0:
        scores[0] = rng.randint(1, 100)
    return render(scores)


def edge_cases():
    return [
        ("one score", render([37])),
        ("all zero but one", render([0] * 999 + [1])),
        ("all 100", render([100] * 1000)),
        ("repeating decimal", render([1, 2, 2])),
    ]


def shrink(scores):
    from studylog.judge.shrink import chunks_removed

    for fewer in chunks_removed(scores, min_len=1):
        if max(fewer) > 0:
            yield fewer


if __name__ == "__main__":
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    size = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    sys.stdout.write(generate(random.Random(seed), size))
