"""Reference for pairs: sort, then two pointers from both ends."""
import sys


def solve(data: str) -> str:
    t = list(map(int, data.split()))
    n = t[0]
    a = sorted(t[1:1 + n])
    x = t[1 + n]
    lo, hi = 0, n - 1
    found = []
    while lo < hi:
        s = a[lo] + a[hi]
        if s == x:
            found.append(f"{a[lo]} {a[hi]}")
            lo += 1
            hi -= 1
        elif s < x:
            lo += 1
        else:
            hi -= 1
    return "".join(line + "\n" for line in [str(len(found))] + found)


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
