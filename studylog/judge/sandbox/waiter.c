/* studylog's in-box waiter: set the limits, drop to the box's uid, run the program, wait for it,
 * and write its raw wait status and resources to an inherited fd.
 *
 * usage: waiter FD CPU_MS WALL_MS MEM_KB AS_BYTES FSIZE NOFILE NPROC STACK UID -- PROGRAM ARGS...
 * (-1: no such limit / keep the uid; STACK -2: unlimited). Report on FD, one line:
 * "status utime_us stime_us maxrss_kb stop\n" where stop is 0 (ended by itself), 1 (over the CPU
 * limit), 2 (over the wall clock), 3 (over the memory limit: resident set). The watchdog looks
 * every 10 ms at the program's CPU clock and resident memory. Built once with the system cc
 * (judge/sandbox/waiter.py); where no cc exists the box falls back to setpriv + prlimit.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long num(const char *s) { return strtoll(s, NULL, 10); }

static void lim(int res, long long soft, long long hard) {
    struct rlimit r;
    if (soft == -1) return;
    r.rlim_cur = soft < 0 ? RLIM_INFINITY : (rlim_t)soft;
    r.rlim_max = hard < 0 ? RLIM_INFINITY : (rlim_t)hard;
    if (setrlimit(res, &r) != 0) _exit(126);
}

static long long now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static long rss_kb(pid_t pid, long page_kb) {
    char path[64], buf[128];
    long size = 0, rss = 0;
    snprintf(path, sizeof path, "/proc/%d/statm", (int)pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return 0;
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0) return 0;
    buf[n] = 0;
    if (sscanf(buf, "%ld %ld", &size, &rss) != 2) return 0;
    return rss * page_kb;
}

int main(int argc, char **argv) {
    if (argc < 13 || strcmp(argv[11], "--") != 0) {
        fprintf(stderr, "studylog waiter: bad arguments\n");
        return 125;
    }
    int fd = (int)num(argv[1]);
    long long cpu_ms = num(argv[2]), wall_ms = num(argv[3]), mem_kb = num(argv[4]);
    long long as = num(argv[5]), fsize = num(argv[6]), nofile = num(argv[7]);
    long long nproc = num(argv[8]), stack = num(argv[9]), uid = num(argv[10]);
    fcntl(fd, F_SETFD, FD_CLOEXEC);
    sigset_t chld, old;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, &old);
    long long start = now_ms();
    pid_t pid = fork();
    if (pid < 0) return 125;
    if (pid == 0) {
        sigprocmask(SIG_SETMASK, &old, NULL);
        signal(SIGPIPE, SIG_DFL);
        signal(SIGXFSZ, SIG_DFL);
        signal(SIGXCPU, SIG_DFL);
        if (cpu_ms >= 0) {
            long long s = (cpu_ms + 999) / 1000 + 1; /* the watchdog stops it first */
            lim(RLIMIT_CPU, s, s + 1);
        }
        lim(RLIMIT_FSIZE, fsize, fsize);
        lim(RLIMIT_NOFILE, nofile, nofile);
        lim(RLIMIT_NPROC, nproc, nproc);
        lim(RLIMIT_CORE, 0, 0);
        lim(RLIMIT_AS, as, as);
        if (stack != -1) lim(RLIMIT_STACK, stack == -2 ? -2 : stack, stack == -2 ? -2 : stack);
        if (uid >= 0) {
            if (setgroups(0, NULL) != 0 || setresgid((gid_t)uid, (gid_t)uid, (gid_t)uid) != 0 ||
                setresuid((uid_t)uid, (uid_t)uid, (uid_t)uid) != 0)
                _exit(126);
        }
        execvp(argv[12], argv + 12);
        fprintf(stderr, "cannot start %s: %s\n", argv[12], strerror(errno));
        _exit(127);
    }
    long page_kb = sysconf(_SC_PAGESIZE) / 1024;
    clockid_t clock;
    int have_clock = clock_getcpuclockid(pid, &clock) == 0;
    int stop = 0, status = 0;
    struct rusage ru;
    struct timespec tick = {0, 10 * 1000000};
    for (;;) {
        pid_t got = wait4(pid, &status, WNOHANG, &ru);
        if (got == pid) break;
        if (got < 0 && errno != EINTR) return 125;
        if (!stop) {
            struct timespec used;
            if (cpu_ms >= 0 && have_clock && clock_gettime(clock, &used) == 0 &&
                (long long)used.tv_sec * 1000 + used.tv_nsec / 1000000 > cpu_ms)
                stop = 1;
            else if (wall_ms >= 0 && now_ms() - start > wall_ms)
                stop = 2;
            else if (mem_kb >= 0 && rss_kb(pid, page_kb) > mem_kb)
                stop = 3;
            if (stop) kill(pid, SIGKILL);
        }
        sigtimedwait(&chld, NULL, &tick);
    }
    dprintf(fd, "%d %lld %lld %ld %d\n", status,
            (long long)ru.ru_utime.tv_sec * 1000000 + ru.ru_utime.tv_usec,
            (long long)ru.ru_stime.tv_sec * 1000000 + ru.ru_stime.tv_usec, ru.ru_maxrss, stop);
    return 0;
}
