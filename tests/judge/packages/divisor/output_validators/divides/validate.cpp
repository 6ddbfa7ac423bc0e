// Kattis output validator: validate input answer feedback_dir < team_output
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

static int verdict(const std::string& dir, int code, const std::string& msg) {
    std::ofstream(dir + "/judgemessage.txt") << msg << "\n";
    return code;
}

int main(int argc, char** argv) {
    if (argc < 4) return 1;
    std::ifstream in(argv[1]);
    unsigned long long n = 0, d = 0;
    in >> n;
    std::string dir = argv[3];
    if (!(std::cin >> d)) return verdict(dir, 43, "no number in the output");
    std::string extra;
    if (std::cin >> extra) return verdict(dir, 43, "trailing output: " + extra);
    if (d <= 1 || d >= n) return verdict(dir, 43, "d=" + std::to_string(d) + " is not in 1 < d < n");
    if (n % d != 0) return verdict(dir, 43, std::to_string(d) + " does not divide " + std::to_string(n));
    return verdict(dir, 42, "ok");
}
