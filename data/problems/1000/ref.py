"""Reference for 1000: A+B."""
import sys


def solve(data: str) -> str:
    a, b = map(int, data.split())
    return f"{a + b}\n"


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
