"""Reference for 2003: two pointers (all numbers are positive, so the window only moves right)."""
import sys


def solve(data: str) -> str:
    t = list(map(int, data.split()))
    n, m = t[0], t[1]
    a = t[2:2 + n]
    count = left = total = 0
    for right in range(n):
        total += a[right]
        while total > m:
            total -= a[left]
            left += 1
        if total == m:
            count += 1
    return f"{count}\n"


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
