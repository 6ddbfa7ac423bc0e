"""Generator for 11047. ``python gen.py SEED [SIZE]`` prints one random case (K grows with
SIZE⁶, so small cases stay small enough for the brute force)."""
import random
import sys


def render(case):
    k, coins = case
    return f"{len(coins)} {k}\n" + "".join(f"{c}\n" for c in coins)


def parse(text):
    t = list(map(int, text.split()))
    return (t[1], t[2:2 + t[0]])


def _coins(rng, n, top):
    coins = [1]
    while len(coins) < n:
        nxt = coins[-1] * rng.choice([1, 2, 2, 3, 5, 10])
        if nxt > top:
            break
        coins.append(nxt)
    return coins


def generate(rng: random.Random, size: float) -> str:
    coins = _coins(rng, rng.randint(1, 10), 1_000_000)
    return render((rng.randint(1, max(1, round(100_000_000 * size ** 6))), coins))


def edge_cases():
    return [
        ("only ones", render((100_000_000, [1]))),
        ("equal values", render((7, [1, 1, 1, 3, 3]))),
        ("K is a coin", render((1000, [1, 10, 100, 1000, 10000]))),
        ("largest", render((100_000_000, [1, 5, 10, 50, 100, 500, 1000, 5000, 10000, 1000000]))),
        ("K below most coins", render((3, [1, 4, 8, 16]))),
    ]


def shrink(case):
    k, coins = case
    if k > 1:
        yield (k // 2, coins)
        yield (k - 1, coins)
    if len(coins) > 1:
        yield (k, coins[:-1])


if __name__ == "__main__":
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    size = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    sys.stdout.write(generate(random.Random(seed), size))
