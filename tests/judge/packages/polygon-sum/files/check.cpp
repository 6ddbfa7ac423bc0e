// A testlib checker: the sum must equal the jury's.
#include "testlib.h"

int main(int argc, char* argv[]) {
    registerTestlibCmd(argc, argv);
    long long want = ans.readLong();
    long long got = ouf.readLong();
    if (want != got)
        quitf(_wa, "expected %lld, found %lld", want, got);
    quitf(_ok, "the sum is %lld", got);
}
