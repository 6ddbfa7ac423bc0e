"""Generator for 1012. ``python gen.py SEED [SIZE]`` prints one random case."""
import random
import sys


def render(cases):
    lines = [str(len(cases))]
    for m, n, cells in cases:
        lines.append(f"{m} {n} {len(cells)}")
        lines.extend(f"{x} {y}" for x, y in cells)
    return "\n".join(lines) + "\n"


def parse(text):
    it = iter(text.split())
    cases = []
    for _ in range(int(next(it))):
        m, n, k = int(next(it)), int(next(it)), int(next(it))
        cases.append((m, n, [(int(next(it)), int(next(it))) for _ in range(k)]))
    return cases


def _field(rng, m, n, density):
    cells = [(x, y) for x in range(m) for y in range(n) if rng.random() < density]
    if not cells:
        cells = [(rng.randrange(m), rng.randrange(n))]
    rng.shuffle(cells)
    return (m, n, cells)


def generate(rng: random.Random, size: float) -> str:
    top = max(1, round(50 * size))
    t = rng.randint(1, max(1, round(10 * size)))
    return render([_field(rng, rng.randint(1, top), rng.randint(1, top),
                          rng.choice([0.1, 0.3, 0.5, 0.7])) for _ in range(t)])


def edge_cases():
    full = [(x, y) for x in range(50) for y in range(50)]
    checker = [(x, y) for x in range(50) for y in range(50) if (x + y) % 2 == 0]
    return [
        ("one cell", render([(1, 1, [(0, 0)])])),
        ("full 50x50", render([(50, 50, full)])),
        ("checkerboard", render([(50, 50, checker)])),
        ("one row", render([(50, 1, [(x, 0) for x in range(0, 50, 2)])])),
        ("one column", render([(1, 50, [(0, y) for y in range(50) if y % 3])])),
        ("many fields", render([_field(random.Random(i), 50, 50, 0.4) for i in range(10)])),
    ]


def shrink(cases):
    from studylog.judge.shrink import chunks_removed

    yield from chunks_removed(cases, min_len=1)
    for i, (m, n, cells) in enumerate(cases):
        for fewer in chunks_removed(cells, min_len=1):
            yield cases[:i] + [(m, n, fewer)] + cases[i + 1:]
        mx = max(x for x, _ in cells) + 1
        my = max(y for _, y in cells) + 1
        if (mx, my) != (m, n):
            yield cases[:i] + [(mx, my, cells)] + cases[i + 1:]


if __name__ == "__main__":
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    size = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    sys.stdout.write(generate(random.Random(seed), size))
