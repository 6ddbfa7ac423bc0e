"""Generator for 15649. ``python gen.py SEED [SIZE]`` prints one random case."""
import random
import sys


def render(case):
    return f"{case[0]} {case[1]}\n"


def parse(text):
    n, m = map(int, text.split()[:2])
    return (n, m)


def generate(rng: random.Random, size: float) -> str:
    n = rng.randint(1, max(1, min(8, round(8 * size + 0.5))))
    return render((n, rng.randint(1, n)))


def edge_cases():
    return [("1 1", "1 1\n"), ("8 1", "8 1\n"), ("8 8 (40320 lines)", "8 8\n"), ("7 4", "7 4\n")]


def shrink(case):
    n, m = case
    if m > 1:
        yield (n, m - 1)
    if n > m:
        yield (n - 1, m)


if __name__ == "__main__":
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    size = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    sys.stdout.write(generate(random.Random(seed), size))
