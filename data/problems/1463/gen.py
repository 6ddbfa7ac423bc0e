"""Generator for 1463. ``python gen.py SEED [SIZE]`` prints one random case."""
import random
import sys


def render(n):
    return f"{n}\n"


def parse(text):
    return int(text.split()[0])


def generate(rng: random.Random, size: float) -> str:
    return render(rng.randint(1, max(1, round(1_000_000 * size ** 3))))


def edge_cases():
    return [("N = 1", "1\n"), ("N = 2", "2\n"), ("N = 3", "3\n"), ("greedy /3 loses", "10\n"),
            ("largest", "1000000\n"), ("power of 3", "531441\n"), ("odd large", "999999\n")]


def shrink(n):
    if n > 1:
        yield n // 2
        yield n - 1


if __name__ == "__main__":
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    size = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    sys.stdout.write(generate(random.Random(seed), size))
