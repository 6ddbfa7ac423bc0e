"""Reference for 2805: binary search on H (the wood cut is non-increasing in H)."""
import sys


def solve(data: str) -> str:
    t = list(map(int, data.split()))
    n, m = t[0], t[1]
    trees = t[2:2 + n]
    lo, hi = 0, max(trees)  # wood(lo) >= m always holds
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if sum(h - mid for h in trees if h > mid) >= m:
            lo = mid
        else:
            hi = mid - 1
    return f"{lo}\n"


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
