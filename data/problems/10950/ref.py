"""Reference for 10950: A+B for each of T cases."""
import sys


def solve(data: str) -> str:
    t = list(map(int, data.split()))
    return "".join(f"{t[1 + 2 * i] + t[2 + 2 * i]}\n" for i in range(t[0]))


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
