"""Generator for 1931. ``python gen.py SEED [SIZE]`` prints one random case."""
import random
import sys

TOP = 2 ** 31 - 1


def render(meetings):
    return f"{len(meetings)}\n" + "".join(f"{s} {e}\n" for s, e in meetings)


def parse(text):
    t = list(map(int, text.split()))
    return list(zip(t[1:1 + 2 * t[0]:2], t[2:2 + 2 * t[0]:2], strict=True))


def _meetings(rng, n, span, longest):
    out = []
    for _ in range(n):
        s = rng.randint(0, span)
        out.append((s, min(TOP, s + rng.randint(0, longest))))
    return out


def generate(rng: random.Random, size: float) -> str:
    n = rng.randint(1, max(1, round(20000 * size ** 3)))
    span = rng.choice([10, 100, n * 10, TOP])
    return render(_meetings(rng, n, span, max(0, rng.choice([0, 3, span // 10]))))


def edge_cases():
    rng = random.Random(1931)
    return [
        ("one meeting", render([(0, 0)])),
        ("zero-length at an end", render([(1, 3), (3, 3), (3, 3), (3, 5)])),
        ("all the same", render([(2, 4)] * 1000)),
        ("nested", render([(i, 100000 - i) for i in range(50000)])),
        ("largest times", render([(TOP, TOP), (0, TOP), (TOP - 1, TOP)])),
        ("100000 meetings", render(_meetings(rng, 100000, TOP, 100000))),
    ]


def shrink(meetings):
    from studylog.judge.shrink import chunks_removed

    yield from chunks_removed(meetings, min_len=1)


if __name__ == "__main__":
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    size = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    sys.stdout.write(generate(random.Random(seed), size))
