"""Another answer for 2252: reversed DFS post-order (a different valid order, checked by the
special judge rather than compared)."""
import sys


def solve(data: str) -> str:
    t = list(map(int, data.split()))
    n, m = t[0], t[1]
    out_edges = [[] for _ in range(n + 1)]
    for j in range(m):
        out_edges[t[2 + 2 * j]].append(t[3 + 2 * j])
    seen = [False] * (n + 1)
    post = []
    for s in range(n, 0, -1):
        if seen[s]:
            continue
        seen[s] = True
        stack = [(s, iter(out_edges[s]))]
        while stack:
            v, it = stack[-1]
            for w in it:
                if not seen[w]:
                    seen[w] = True
                    stack.append((w, iter(out_edges[w])))
                    break
            else:
                stack.pop()
                post.append(v)
    return " ".join(map(str, reversed(post))) + "\n"


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
