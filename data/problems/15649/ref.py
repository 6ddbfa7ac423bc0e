"""Reference for 15649: backtracking, trying the unused numbers in increasing order."""
import sys


def solve(data: str) -> str:
    n, m = map(int, data.split()[:2])
    used = [False] * (n + 1)
    seq: list[str] = []
    out: list[str] = []

    def place() -> None:
        if len(seq) == m:
            out.append(" ".join(seq))
            return
        for x in range(1, n + 1):
            if not used[x]:
                used[x] = True
                seq.append(str(x))
                place()
                seq.pop()
                used[x] = False

    place()
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
