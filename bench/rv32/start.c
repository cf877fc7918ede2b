/* The smallest runtime the engine needs as a Linux rv32 user program under
 * qemu-user (no libc for rv32imc here): an entry point that passes argc/argv
 * to main and exits through the Linux exit system call (93), the two
 * string functions the engine and the compiler use, and the one atomic the
 * engine's hand-off uses (rv32imc has no A extension, so GCC calls it). */
#include <stddef.h>

int main(int argc, char **argv);

/* Word at a time where aligned, as a device C library does (a byte loop would
 * charge the engine's scratch clearing four times over). */
void *memset(void *destination, int value, size_t count)
{
    unsigned char *d = destination;
    while (count && ((size_t)d & 3u)) { *d++ = (unsigned char)value; count--; }
    unsigned int word = (unsigned char)value * 0x01010101u;
    unsigned int *w = (unsigned int *)d;
    for (; count >= 4u; count -= 4u) *w++ = word;
    d = (unsigned char *)w;
    while (count--) *d++ = (unsigned char)value;
    return destination;
}

void *memcpy(void *destination, const void *source, size_t count)
{
    unsigned char *d = destination;
    const unsigned char *s = source;
    while (count--) *d++ = *s++;
    return destination;
}

/* One hart, no interrupts in this program: a plain swap is atomic here. (A
 * device core has the real thing: AMOSWAP on RV32A, S32C1I on Xtensa.) */
unsigned int __atomic_exchange_4(volatile void *object, unsigned int value, int order)
{
    (void)order;
    volatile unsigned int *word = object;
    unsigned int previous = *word;
    *word = value;
    return previous;
}

__attribute__((noreturn)) void exit_program(int code)
{
    register long a0 __asm__("a0") = code;
    register long a7 __asm__("a7") = 93; /* Linux exit */
    __asm__ volatile("ecall" : : "r"(a0), "r"(a7));
    for (;;) {}
}

/* qemu-user starts us with sp -> argc, then the argv pointers; gp must point
 * at the small-data area the linker placed (__global_pointer$). */
__asm__(".global _start\n"
        "_start:\n"
        "  .option push\n"
        "  .option norelax\n"
        "  la gp, __global_pointer$\n"
        "  .option pop\n"
        "  lw a0, 0(sp)\n"
        "  addi a1, sp, 4\n"
        "  call main\n"
        "  call exit_program\n");
