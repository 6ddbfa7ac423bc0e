"""Generator for 1000. ``python gen.py SEED [SIZE]`` prints one random case."""
import random
import sys


def generate(rng: random.Random, size: float) -> str:
    return f"{rng.randint(1, 9)} {rng.randint(1, 9)}\n"


def edge_cases():
    return [("smallest", "1 1\n"), ("largest", "9 9\n"), ("a carry", "5 5\n")]


if __name__ == "__main__":
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    size = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    sys.stdout.write(generate(random.Random(seed), size))
