"""Three members' solutions to 2667 (단지번호붙이기): alice's C is right, bob's Python counts
diagonal neighbours (wrong), carol's C++ is right but far too slow on big grids."""

ALICE_C = r"""#include <stdio.h>
#include <stdlib.h>

int n, sizes[700], cnt;
char g[30][30];

int dfs(int r, int c) {
    if (r < 0 || c < 0 || r >= n || c >= n || g[r][c] != '1') return 0;
    g[r][c] = '0';
    return 1 + dfs(r + 1, c) + dfs(r - 1, c) + dfs(r, c + 1) + dfs(r, c - 1);
}

int cmp(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }

int main(void) {
    scanf("%d", &n);
    for (int i = 0; i < n; i++) scanf("%s", g[i]);
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            if (g[i][j] == '1') sizes[cnt++] = dfs(i, j);
    qsort(sizes, cnt, sizeof(int), cmp);
    printf("%d\n", cnt);
    for (int i = 0; i < cnt; i++) printf("%d\n", sizes[i]);
    return 0;
}
"""

ALICE_BROKEN_PY = "n = int(input()\n"  # a first try that does not compile

BOB_PY = """import sys
from collections import deque

input = sys.stdin.readline
n = int(input())
grid = [list(input().strip()) for _ in range(n)]
sizes = []
for sr in range(n):
    for sc in range(n):
        if grid[sr][sc] != "1":
            continue
        grid[sr][sc] = "0"
        queue = deque([(sr, sc)])
        count = 0
        while queue:
            r, c = queue.popleft()
            count += 1
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    nr, nc = r + dr, c + dc
                    if 0 <= nr < n and 0 <= nc < n and grid[nr][nc] == "1":
                        grid[nr][nc] = "0"
                        queue.append((nr, nc))
        sizes.append(count)
sizes.sort()
print(len(sizes))
print("\\n".join(map(str, sizes)))
"""

CAROL_CPP = r"""#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    cin >> n;
    vector<string> g(n);
    for (auto &row : g) cin >> row;
    volatile long long spin = 0;
    if (n >= 20)
        for (long long i = 0; i < 40000000000LL; i++) spin += i;  // ~10 s: always over 1 s
    vector<int> sizes;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            if (g[i][j] != '1') continue;
            int count = 0;
            queue<pair<int, int>> q;
            q.push({i, j});
            g[i][j] = '0';
            while (!q.empty()) {
                auto [r, c] = q.front();
                q.pop();
                count++;
                int dr[] = {1, -1, 0, 0}, dc[] = {0, 0, 1, -1};
                for (int k = 0; k < 4; k++) {
                    int nr = r + dr[k], nc = c + dc[k];
                    if (nr >= 0 && nc >= 0 && nr < n && nc < n && g[nr][nc] == '1') {
                        g[nr][nc] = '0';
                        q.push({nr, nc});
                    }
                }
            }
            sizes.push_back(count);
        }
    sort(sizes.begin(), sizes.end());
    printf("%d\n", (int)sizes.size());
    for (int s : sizes) printf("%d\n", s);
}
"""
