"""Special judge for 2252 (testlib protocol): checker.py INPUT OUTPUT ANSWER.

Exit 0 (AC) when OUTPUT is an order of 1..N that keeps every comparison, 1 (WA) otherwise, 3
when the input itself is broken. The answer file is not needed: any valid order is accepted.
"""
import sys


def main(input_path, output_path, _answer_path):
    with open(input_path, encoding="utf-8") as fh:
        t = list(map(int, fh.read().split()))
    n, m = t[0], t[1]
    with open(output_path, encoding="utf-8", errors="replace") as fh:
        tokens = fh.read().split()
    if len(tokens) != n:
        print(f"expected {n} numbers, got {len(tokens)}")
        return 1
    pos = [0] * (n + 1)
    for i, tok in enumerate(tokens, start=1):
        if not tok.isdigit() or not 1 <= int(tok) <= n:
            print(f"token {i} ({tok[:20]!r}) is not a student number 1..{n}")
            return 1
        if pos[int(tok)]:
            print(f"student {tok} appears twice")
            return 1
        pos[int(tok)] = i
    for j in range(m):
        a, b = t[2 + 2 * j], t[3 + 2 * j]
        if pos[a] > pos[b]:
            print(f"comparison {j + 1}: {a} must stand before {b}")
            return 1
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 4:
        print("usage: checker.py INPUT OUTPUT ANSWER")
        sys.exit(3)
    sys.exit(main(*sys.argv[1:4]))
