"""Reference for 12865: 0/1 knapsack over reachable weights (a dict of weight -> best value)."""
import sys


def solve(data: str) -> str:
    t = list(map(int, data.split()))
    n, k = t[0], t[1]
    best = {0: 0}
    for i in range(n):
        w, v = t[2 + 2 * i], t[3 + 2 * i]
        for have, value in list(best.items()):
            nw = have + w
            if nw <= k and best.get(nw, -1) < value + v:
                best[nw] = value + v
        # keep only states not dominated by a lighter one (fewer states, same answer)
        pruned, top = {}, -1
        for weight in sorted(best):
            if best[weight] > top:
                pruned[weight] = top = best[weight]
        best = pruned
    return f"{max(best.values())}\n"


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
