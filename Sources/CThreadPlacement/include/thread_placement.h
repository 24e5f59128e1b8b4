#ifndef OIDC_WIZARD_THREAD_PLACEMENT_H
#define OIDC_WIZARD_THREAD_PLACEMENT_H

// Where a thread runs, for the wizard's second core (WizardUI/Program/BothAtOnce.swift).
// Each function is a no-op answer (-1) where the platform has no such call (everything but Linux).

/// The CPU the calling thread runs on now, or -1.
int oidcw_current_cpu(void);

/// How many CPUs this process may run on, or -1 if unknown.
int oidcw_usable_cpu_count(void);

/// The calling thread's id as the kernel knows it (for `oidcw_avoid_cpu`), or -1.
int oidcw_current_thread(void);

/// Lets `thread` (a kernel thread id of this process; 0 for the calling thread) run on every CPU the process
/// may use except `cpu` (when at least one other is left). Returns 0 when the thread's CPUs were set, -1
/// otherwise (nothing changed).
int oidcw_avoid_cpu(int thread, int cpu);

#endif
