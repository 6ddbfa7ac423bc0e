"""Reference for 14503: the robot's rules, step by step."""
import sys

STEPS = ((-1, 0), (0, 1), (1, 0), (0, -1))  # north, east, south, west


def solve(data: str) -> str:
    t = list(map(int, data.split()))
    n, m, r, c, d = t[0], t[1], t[2], t[3], t[4]
    room = [t[5 + i * m:5 + (i + 1) * m] for i in range(n)]  # 0 dirty, 1 wall, 2 clean
    cleaned = 0
    while True:
        if room[r][c] == 0:
            room[r][c] = 2
            cleaned += 1
        if any(room[r + dr][c + dc] == 0 for dr, dc in STEPS):
            d = (d + 3) % 4
            dr, dc = STEPS[d]
            if room[r + dr][c + dc] == 0:
                r, c = r + dr, c + dc
            continue
        dr, dc = STEPS[(d + 2) % 4]
        if room[r + dr][c + dc] == 1:
            return f"{cleaned}\n"
        r, c = r + dr, c + dc


if __name__ == "__main__":
    sys.stdout.write(solve(sys.stdin.read()))
