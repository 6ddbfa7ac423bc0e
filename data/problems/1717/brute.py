"""Brute force for 1717: a label per number, relabelling a whole set on each merge."""
import sys


def solve(data: str) -> str:
    t = list(map(int, data.split()))
    n, m = t[0], t[1]
    label = {}
    out = []
    for j in range(m):
        op, a, b = t[2 + 3 * j], t[3 + 3 * j], t[4 + 3 * j]
        la, lb = label.get(a, a), label.get(b, b)
        if op == 1:
            out.append("YES" if la == lb else "NO")
        elif la != lb:
            for x in [k for k, v in label.items() if v == lb] + [lb]:
                label[x] = la
    return "".join(x + "\n" for x in out)


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
