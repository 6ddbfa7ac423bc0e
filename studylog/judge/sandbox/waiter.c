/* studylog's in-box waiter: set the limits, drop to the box's uid, run the program, wait for it,
 * and write its raw wait status and resources to an inherited fd.
 *
 * usage: waiter FD CPU_MS WALL_MS MEM_KB AS_BYTES FSIZE NOFILE NPROC STACK UID -- PROGRAM ARGS...
 * (-1: no such limit / keep the uid; STACK -2: unlimited). Report on FD, one line:
 * "status utime_us stime_us maxrss_kb stop\n" where stop is 0 (ended by itself), 1 (over the CPU
 * limit), 2 (over the wall clock), 3 (over the memory limit: resident set). The watchdog looks
 * every 10 ms at the program's CPU clock and resident memory. Built once with the system cc
 * (judge/sandbox/waiter.py); where no cc exists the box falls back to setpriv + prlimit.
 *
 * Server mode (a box kept for a whole judge run, judge/sandbox/kept.py), as the box's pid 1:
 *   waiter --serve SOCK BPF_FD CPU_MS WALL_MS MEM_KB AS_BYTES FSIZE NOFILE NPROC STACK -- PROGRAM...
 * SOCK is a SOCK_SEQPACKET socket; each request is one message "UID" carrying three fds (the
 * program's stdin, stdout, stderr). The server runs the program once on them as above (new
 * session, limits, the uid, the seccomp filter read from BPF_FD at start, -1: none), then kills
 * every other process in the box (pid 1 may: kill(-1) spares only itself), reaps them, replies
 * with the report line, and empties /box, /tmp-like /dev/shm and the box's SysV shared memory
 * (as the test's uid) before it reads the next request. It exits when SOCK closes; being pid 1,
 * its exit ends the box and everything in it.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ftw.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/ipc.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <sys/stat.h>
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

struct limits {
    long long cpu_ms, wall_ms, mem_kb, as, fsize, nofile, nproc, stack;
};

static struct limits parse_limits(char **a) {
    struct limits l = {num(a[0]), num(a[1]), num(a[2]), num(a[3]),
                       num(a[4]), num(a[5]), num(a[6]), num(a[7])};
    return l;
}

/* In the forked child: default signals, the limits, the uid, the filter; then exec. */
static void exec_program(const struct limits *l, long long uid, struct sock_fprog *bpf,
                         char **prog, const sigset_t *old) {
    sigprocmask(SIG_SETMASK, old, NULL);
    signal(SIGPIPE, SIG_DFL);
    signal(SIGXFSZ, SIG_DFL);
    signal(SIGXCPU, SIG_DFL);
    if (l->cpu_ms >= 0) {
        long long s = (l->cpu_ms + 999) / 1000 + 1; /* the watchdog stops it first */
        lim(RLIMIT_CPU, s, s + 1);
    }
    lim(RLIMIT_FSIZE, l->fsize, l->fsize);
    lim(RLIMIT_NOFILE, l->nofile, l->nofile);
    lim(RLIMIT_NPROC, l->nproc, l->nproc);
    lim(RLIMIT_CORE, 0, 0);
    lim(RLIMIT_AS, l->as, l->as);
    if (l->stack != -1)
        lim(RLIMIT_STACK, l->stack == -2 ? -2 : l->stack, l->stack == -2 ? -2 : l->stack);
    if (uid >= 0) {
        if (setgroups(0, NULL) != 0 || setresgid((gid_t)uid, (gid_t)uid, (gid_t)uid) != 0 ||
            setresuid((uid_t)uid, (uid_t)uid, (uid_t)uid) != 0)
            _exit(126);
    }
    if (bpf != NULL) {
        if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
            prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, bpf) != 0)
            _exit(126);
    }
    execvp(prog[0], prog);
    fprintf(stderr, "cannot start %s: %s\n", prog[0], strerror(errno));
    _exit(127);
}

/* Watch ``pid`` until it ends (stopping it over a limit); returns why it was stopped. */
static int watch(pid_t pid, const struct limits *l, long long start, int *status,
                 struct rusage *ru, sigset_t *chld) {
    long page_kb = sysconf(_SC_PAGESIZE) / 1024;
    clockid_t clock;
    int have_clock = clock_getcpuclockid(pid, &clock) == 0;
    int stop = 0;
    struct timespec tick = {0, 10 * 1000000};
    for (;;) {
        pid_t got = wait4(pid, status, WNOHANG, ru);
        if (got == pid) return stop;
        if (got < 0 && errno != EINTR) return -1;
        if (!stop) {
            struct timespec used;
            if (l->cpu_ms >= 0 && have_clock && clock_gettime(clock, &used) == 0 &&
                (long long)used.tv_sec * 1000 + used.tv_nsec / 1000000 > l->cpu_ms)
                stop = 1;
            else if (l->wall_ms >= 0 && now_ms() - start > l->wall_ms)
                stop = 2;
            else if (l->mem_kb >= 0 && rss_kb(pid, page_kb) > l->mem_kb)
                stop = 3;
            if (stop) kill(pid, SIGKILL);
        }
        sigtimedwait(chld, NULL, &tick);
    }
}

static int report(int fd, int status, const struct rusage *ru, int stop) {
    char line[160];
    int n = snprintf(line, sizeof line, "%d %lld %lld %ld %d\n", status,
                     (long long)ru->ru_utime.tv_sec * 1000000 + ru->ru_utime.tv_usec,
                     (long long)ru->ru_stime.tv_sec * 1000000 + ru->ru_stime.tv_usec,
                     ru->ru_maxrss, stop);
    return (int)write(fd, line, (size_t)n);
}

static int unlink_one(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
    (void)st;
    if (ftw->level == 0) return 0; /* keep the directory itself */
    if (flag == FTW_DP)
        rmdir(path);
    else
        unlink(path);
    return 0;
}

static int open_dirs(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
    (void)ftw;
    if (flag == FTW_D || flag == FTW_DNR) chmod(path, (st->st_mode & 07777) | 0700);
    return 0;
}

static void empty_dir(const char *dir) {
    nftw(dir, open_dirs, 16, FTW_PHYS);
    nftw(dir, unlink_one, 16, FTW_PHYS | FTW_DEPTH);
}

/* As the test's uid: remove what it left in the box's writable places and its SysV segments. */
static void clean_up(long long uid) {
    pid_t pid = fork();
    if (pid == 0) {
        if (uid >= 0 && (setgroups(0, NULL) != 0 || setresgid((gid_t)uid, (gid_t)uid, (gid_t)uid) != 0 ||
                         setresuid((uid_t)uid, (uid_t)uid, (uid_t)uid) != 0))
            _exit(1);
        empty_dir("/box");
        empty_dir("/dev/shm");
        struct shm_info info;
        int max = shmctl(0, SHM_INFO, (struct shmid_ds *)&info);
        for (int i = 0; i <= max; i++) {
            struct shmid_ds ds;
            int id = shmctl(i, SHM_STAT, &ds);
            if (id >= 0) shmctl(id, IPC_RMID, NULL);
        }
        _exit(0);
    }
    if (pid > 0) waitpid(pid, NULL, 0);
}

/* Kill everything in the box but this process (pid 1), and reap it all. */
static void kill_rest(void) {
    for (int round = 0; round < 1000; round++) {
        kill(-1, SIGKILL);
        int any = 0;
        while (waitpid(-1, NULL, 0) > 0) any = 1;
        if (!any && errno == ECHILD) return;
    }
}

static int serve(int argc, char **argv) {
    if (argc < 14 || strcmp(argv[12], "--") != 0) {
        fprintf(stderr, "studylog waiter: bad arguments\n");
        return 125;
    }
    int sock = (int)num(argv[2]), bpf_fd = (int)num(argv[3]);
    struct limits l = parse_limits(argv + 4);
    char **prog = argv + 13;
    static struct sock_filter code[256];
    struct sock_fprog bpf = {0, code}, *filter = NULL;
    if (bpf_fd >= 0) {
        ssize_t n = read(bpf_fd, code, sizeof code);
        close(bpf_fd);
        if (n <= 0 || n % (ssize_t)sizeof code[0] != 0) return 125;
        bpf.len = (unsigned short)(n / (ssize_t)sizeof code[0]);
        filter = &bpf;
    }
    fcntl(sock, F_SETFD, FD_CLOEXEC);
    prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0); /* bwrap gone (studylog killed it): the box ends */
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0); /* the programs cannot ptrace or read this process */
    sigset_t chld, old;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, &old);
    for (;;) {
        char msg[64];
        char cbuf[CMSG_SPACE(3 * sizeof(int))];
        struct iovec iov = {msg, sizeof msg - 1};
        struct msghdr mh = {0};
        mh.msg_iov = &iov;
        mh.msg_iovlen = 1;
        mh.msg_control = cbuf;
        mh.msg_controllen = sizeof cbuf;
        ssize_t n = recvmsg(sock, &mh, MSG_CMSG_CLOEXEC);
        if (n <= 0) return 0; /* studylog closed the socket (or died): the box ends */
        msg[n] = 0;
        int fds[3] = {-1, -1, -1};
        struct cmsghdr *c = CMSG_FIRSTHDR(&mh);
        if (c == NULL || c->cmsg_type != SCM_RIGHTS || c->cmsg_len != CMSG_LEN(3 * sizeof(int)))
            return 125;
        memcpy(fds, CMSG_DATA(c), sizeof fds);
        long long uid = num(msg);
        long long start = now_ms();
        pid_t pid = fork();
        if (pid < 0) return 125;
        if (pid == 0) {
            for (int i = 0; i < 3; i++)
                if (dup2(fds[i], i) < 0) _exit(126);
            setsid();
            if (chdir("/box") != 0) _exit(126);
            exec_program(&l, uid, filter, prog, &old);
        }
        for (int i = 0; i < 3; i++) close(fds[i]);
        int status = 0;
        struct rusage ru;
        memset(&ru, 0, sizeof ru);
        int stop = watch(pid, &l, start, &status, &ru, &chld);
        if (stop < 0) return 125;
        kill_rest(); /* what the program left running must not touch its output or the next test */
        if (report(sock, status, &ru, stop) <= 0) return 0;
        clean_up(uid);
    }
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "--serve") == 0) return serve(argc, argv);
    if (argc < 13 || strcmp(argv[11], "--") != 0) {
        fprintf(stderr, "studylog waiter: bad arguments\n");
        return 125;
    }
    int fd = (int)num(argv[1]);
    struct limits l = parse_limits(argv + 2);
    long long uid = num(argv[10]);
    fcntl(fd, F_SETFD, FD_CLOEXEC);
    sigset_t chld, old;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, &old);
    long long start = now_ms();
    pid_t pid = fork();
    if (pid < 0) return 125;
    if (pid == 0) exec_program(&l, uid, NULL, argv + 12, &old);
    int status = 0;
    struct rusage ru;
    memset(&ru, 0, sizeof ru);
    int stop = watch(pid, &l, start, &status, &ru, &chld);
    if (stop < 0) return 125;
    report(fd, status, &ru, stop);
    return 0;
}
