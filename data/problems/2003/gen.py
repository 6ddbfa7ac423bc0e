"""Generator for 2003. ``python gen.py SEED [SIZE]`` prints one random case."""
import random
import sys


def render(case):
    m, a = case
    return f"{len(a)} {m}\n{' '.join(map(str, a))}\n"


def parse(text):
    t = list(map(int, text.split()))
    return (t[1], t[2:2 + t[0]])


def _case(rng, n, top):
    a = [rng.randint(1, top) for _ in range(n)]
    i = rng.randrange(n)
    j = rng.randint(i, min(n - 1, i + rng.choice([0, 2, 10, n])))
    m = sum(a[i:j + 1]) if rng.random() < 0.8 else rng.randint(1, max(1, sum(a)))
    return (min(m, 300_000_000), a)


def generate(rng: random.Random, size: float) -> str:
    n = rng.randint(1, max(1, round(10000 * size ** 2)))
    return render(_case(rng, n, rng.choice([1, 3, 10, 30000])))


def edge_cases():
    rng = random.Random(2003)
    return [
        ("single number, equal", render((5, [5]))),
        ("single number, not equal", render((4, [5]))),
        ("all ones", render((3, [1] * 10000))),
        ("whole array", render((10000 * 30000, [30000] * 10000))),
        ("largest M, no match", render((300_000_000, [rng.randint(1, 30000) for _ in range(10000)]))),
    ]


def shrink(case):
    from studylog.judge.shrink import chunks_removed

    m, a = case
    for fewer in chunks_removed(a, min_len=1):
        yield (m, fewer)


if __name__ == "__main__":
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    size = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    sys.stdout.write(generate(random.Random(seed), size))
