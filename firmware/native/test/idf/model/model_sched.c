/*
 * model_sched.c - virtual time and actors (test only).
 *
 * One baton: only the actor holding it runs; the others wait on their condition
 * variable. An actor that waits hands the baton on: the scheduler picks the first
 * actor that can run now (created tasks before actor 0, so the order is fixed); if
 * none can, it moves virtual time to the earliest of the waiters' deadlines and the
 * DMA's next frame end, processes that, and tries again. Deadlines are exact for
 * busy waits and FreeRTOS tick-quantised for task waits (model_tick_deadline).
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "model_internal.h"

#define MAX_ACTORS 4

typedef struct {
    bool used, alive, waiting, woke_ready;
    int64_t deadline_ns;
    int (*ready)(void *);
    void *ready_ctx;
    pthread_cond_t cv;
    pthread_t thread;
    bool joinable;
    jmp_buf exit_point;
    TaskFunction_t fn;
    void *arg;
} actor_t;

static pthread_mutex_t s_lock = PTHREAD_MUTEX_INITIALIZER;
static actor_t s_actor[MAX_ACTORS];
static bool s_cvs_ready;
static int s_current;
static int64_t s_now_ns;
static int64_t s_limit_ns = 120LL * MODEL_NS_PER_S;
static _Thread_local int t_self; /* the actor this thread is; 0 for the test thread */

void model_lock(void) { pthread_mutex_lock(&s_lock); }
void model_unlock(void) { pthread_mutex_unlock(&s_lock); }

/* Read by the baton holder only (and the ISR callbacks it runs): no lock needed, the
 * baton's hand-over through s_lock orders every access. */
int64_t model_now_ns(void) { return s_now_ns; }

void model_fatal(const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    fprintf(stderr, "idf model: ");
    vfprintf(stderr, fmt, args);
    fprintf(stderr, " (virtual time %lld ns)\n", (long long)s_now_ns);
    va_end(args);
    abort();
}

int64_t model_tick_deadline(TickType_t ticks)
{
    if (ticks == portMAX_DELAY) return INT64_MAX;
    const int64_t tick_ns = MODEL_NS_PER_S / configTICK_RATE_HZ;
    return (s_now_ns / tick_ns + (int64_t)ticks) * tick_ns;
}

static int pick_runnable(void)
{
    for (int k = 1; k <= MAX_ACTORS; k++) {
        int i = k % MAX_ACTORS; /* tasks first, then actor 0 */
        actor_t *a = &s_actor[i];
        if (!a->used || !a->alive || !a->waiting) continue;
        if (a->ready != NULL && a->ready(a->ready_ctx)) { a->woke_ready = true; return i; }
        if (a->deadline_ns <= s_now_ns) { a->woke_ready = false; return i; }
    }
    return -1;
}

/* Lock held; the caller's own wait state is set (or it is dead). Hands the baton to the
 * next runnable actor, moving virtual time as needed; then, if the caller is alive,
 * waits for the baton to come back. */
static void schedule(void)
{
    for (;;) {
        int next = pick_runnable();
        if (next >= 0) {
            s_actor[next].waiting = false;
            s_current = next;
            if (next != t_self) pthread_cond_signal(&s_actor[next].cv);
            break;
        }
        int64_t t = model_dma_next_event_ns();
        for (int i = 0; i < MAX_ACTORS; i++) {
            const actor_t *a = &s_actor[i];
            if (a->used && a->alive && a->waiting && a->deadline_ns < t) t = a->deadline_ns;
        }
        if (t == INT64_MAX) model_fatal("deadlock: every actor waits for something nothing will bring");
        if (t > s_limit_ns) model_fatal("virtual time limit reached");
        if (t > s_now_ns) s_now_ns = t;
        model_dma_run_to(s_now_ns); /* the frame ends due now, if any: their callbacks see this time */
    }
    if (!s_actor[t_self].alive) return;
    while (s_current != t_self) pthread_cond_wait(&s_actor[t_self].cv, &s_lock);
}

int model_wait(int64_t deadline_ns, int (*ready)(void *ctx), void *ctx)
{
    actor_t *me = &s_actor[t_self];
    if (s_current != t_self) model_fatal("an actor without the baton called the model");
    if (ready != NULL && ready(ctx)) return 1;
    if (deadline_ns <= s_now_ns && deadline_ns != INT64_MAX) {
        /* a zero wait still lets actors that became runnable at this instant run first */
        if (ready == NULL && deadline_ns == s_now_ns) {
            me->waiting = true;
            me->deadline_ns = deadline_ns;
            me->ready = NULL;
            schedule();
        }
        return 0;
    }
    me->waiting = true;
    me->deadline_ns = deadline_ns;
    me->ready = ready;
    me->ready_ctx = ctx;
    schedule();
    return me->woke_ready ? 1 : 0;
}

static void *actor_main(void *param)
{
    int index = (int)(intptr_t)param;
    t_self = index;
    model_lock();
    while (s_current != index) pthread_cond_wait(&s_actor[index].cv, &s_lock);
    model_unlock();
    if (setjmp(s_actor[index].exit_point) == 0) {
        s_actor[index].fn(s_actor[index].arg);
        model_fatal("a FreeRTOS task function returned (it must end with vTaskDelete(NULL))");
    }
    return NULL;
}

int model_spawn(TaskFunction_t fn, void *arg)
{
    model_lock();
    int index = -1;
    for (int i = 1; i < MAX_ACTORS && index < 0; i++) {
        if (s_actor[i].used && !s_actor[i].alive && s_actor[i].joinable) {
            pthread_join(s_actor[i].thread, NULL);
            s_actor[i].joinable = false;
            s_actor[i].used = false;
        }
        if (!s_actor[i].used) index = i;
    }
    if (index < 0) { model_unlock(); return -1; }
    actor_t *a = &s_actor[index];
    a->used = a->alive = a->waiting = true;
    a->woke_ready = false;
    a->ready = NULL;
    a->ready_ctx = NULL;
    a->deadline_ns = s_now_ns; /* runnable as soon as the creator waits */
    a->fn = fn;
    a->arg = arg;
    if (pthread_create(&a->thread, NULL, actor_main, (void *)(intptr_t)index) != 0) model_fatal("pthread_create failed");
    a->joinable = true;
    model_unlock();
    return index;
}

void model_exit_current(void)
{
    int index = t_self;
    if (index == 0) model_fatal("vTaskDelete(NULL) from the test thread");
    model_lock();
    s_actor[index].alive = false;
    s_actor[index].waiting = false;
    schedule(); /* hands the baton on, does not wait for it */
    model_unlock();
    longjmp(s_actor[index].exit_point, 1);
}

int model_tasks_alive(void)
{
    int n = 0;
    for (int i = 1; i < MAX_ACTORS; i++) n += s_actor[i].used && s_actor[i].alive;
    return n;
}

void model_sched_reset(void)
{
    model_lock();
    for (int i = 1; i < MAX_ACTORS; i++) {
        if (s_actor[i].used && s_actor[i].alive) model_fatal("reset while a task still runs: stop it first");
        if (s_actor[i].joinable) {
            model_unlock();
            pthread_join(s_actor[i].thread, NULL);
            model_lock();
            s_actor[i].joinable = false;
        }
        s_actor[i].used = false;
    }
    if (!s_cvs_ready) {
        for (int i = 0; i < MAX_ACTORS; i++) pthread_cond_init(&s_actor[i].cv, NULL);
        s_cvs_ready = true;
    }
    s_actor[0].used = s_actor[0].alive = true;
    s_actor[0].waiting = false;
    t_self = 0;
    s_current = 0;
    s_now_ns = 0;
    s_limit_ns = 120LL * MODEL_NS_PER_S;
    model_unlock();
}

void idf_model_set_time_limit_us(uint64_t us) { s_limit_ns = (int64_t)us * 1000; }

int64_t idf_model_now_ns(void) { return s_now_ns; }

void idf_model_run_for_us(uint64_t us)
{
    model_lock();
    model_wait(s_now_ns + (int64_t)us * 1000, NULL, NULL);
    model_unlock();
}

void idf_model_consume_us(uint64_t us) { idf_model_run_for_us(us); }
