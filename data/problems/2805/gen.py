"""Generator for 2805. ``python gen.py SEED [SIZE]`` prints one random case."""
import random
import sys


def render(case):
    m, trees = case
    return f"{len(trees)} {m}\n{' '.join(map(str, trees))}\n"


def parse(text):
    t = list(map(int, text.split()))
    return (t[1], t[2:2 + t[0]])


def _case(rng, n, top):
    trees = [rng.randint(0, top) for _ in range(n)]
    if sum(trees) == 0:
        trees[0] = 1
    return (rng.randint(1, min(2_000_000_000, sum(trees))), trees)


def generate(rng: random.Random, size: float) -> str:
    n = rng.randint(1, max(1, round(20000 * size ** 3)))
    top = max(1, round(rng.choice([10, 1000, 1_000_000_000]) * size ** 2))
    return render(_case(rng, n, top))


def edge_cases():
    rng = random.Random(2805)
    tall = [1_000_000_000] * 1000
    return [
        ("one tree, take all", render((7, [7]))),
        ("cut to the ground", render((10, [4, 3, 3]))),
        ("exactly M", render((6, [10, 8, 7]))),
        ("sum over 2^31", render((2_000_000_000, tall))),
        ("zeros among them", render((3, [0, 0, 5, 0]))),
        ("many trees", render(_case(rng, 100000, 1_000_000_000))),
    ]


def shrink(case):
    from studylog.judge.shrink import chunks_removed

    m, trees = case
    for fewer in chunks_removed(trees, min_len=1):
        if sum(fewer) >= m:
            yield (m, fewer)
    if m > 1:
        yield (m // 2, trees)


if __name__ == "__main__":
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    size = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    sys.stdout.write(generate(random.Random(seed), size))
