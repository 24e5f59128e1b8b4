// sched_getcpu, sched_getaffinity and the CPU_* macros are GNU extensions.
#define _GNU_SOURCE 1
#include "thread_placement.h"

#if defined(__linux__)
#include <pthread.h>
#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>

// The CPUs the process may use, read once (before any thread here narrows its own set).
static cpu_set_t usable;
static int usable_count = -1;
static pthread_once_t usable_once = PTHREAD_ONCE_INIT;

static void read_usable(void) {
    CPU_ZERO(&usable);
    if (sched_getaffinity(0, sizeof usable, &usable) == 0) usable_count = CPU_COUNT(&usable);
}

int oidcw_current_cpu(void) { return sched_getcpu(); }

int oidcw_usable_cpu_count(void) {
    pthread_once(&usable_once, read_usable);
    return usable_count;
}

int oidcw_current_thread(void) { return (int)syscall(SYS_gettid); }

int oidcw_avoid_cpu(int thread, int cpu) {
    if (oidcw_usable_cpu_count() < 2 || thread < 0 || cpu < 0 || cpu >= CPU_SETSIZE) return -1;
    cpu_set_t others = usable;
    CPU_CLR(cpu, &others);
    if (CPU_COUNT(&others) == 0) return -1;
    return sched_setaffinity((pid_t)thread, sizeof others, &others) == 0 ? 0 : -1;
}
#else
int oidcw_current_cpu(void) { return -1; }
int oidcw_usable_cpu_count(void) { return -1; }
int oidcw_current_thread(void) { return -1; }
int oidcw_avoid_cpu(int thread, int cpu) { (void)thread; (void)cpu; return -1; }
#endif
