/* The C peer for the Modbus benchmark: libmodbus (the library mbpoll is built on) reading holding registers from a
 * Modbus TCP server in a tight loop. The harness compiles it on the machine it runs on and compares our client's
 * figures with these, and our simulator's request rate with pymodbus's under this same client.
 * Usage: libmodbus_bench HOST PORT UNIT COUNT SECONDS
 * Prints one line: polls=<n> seconds=<s> polls_per_s=<r> p50_us=<x> p99_us=<y> errors=<e> */
#include <modbus.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <errno.h>

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    if (argc != 6) {
        fprintf(stderr, "usage: %s HOST PORT UNIT COUNT SECONDS\n", argv[0]);
        return 2;
    }
    const char *host = argv[1];
    int port = atoi(argv[2]), unit = atoi(argv[3]), count = atoi(argv[4]);
    double seconds = atof(argv[5]);
    modbus_t *ctx = modbus_new_tcp(host, port);
    if (ctx == NULL || modbus_connect(ctx) == -1) {
        fprintf(stderr, "connect %s:%d failed: %s\n", host, port, modbus_strerror(errno));
        return 1;
    }
    modbus_set_slave(ctx, unit);
    modbus_set_response_timeout(ctx, 1, 0);
    uint16_t regs[125];
    size_t cap = 1 << 20, n = 0;
    double *lat = malloc(cap * sizeof(double));
    long errors = 0;
    /* warm-up */
    for (int i = 0; i < 50; i++) modbus_read_registers(ctx, 0, count, regs);
    double start = now_s(), end = start + seconds;
    while (1) {
        double t0 = now_s();
        if (t0 >= end || n >= cap) break;
        if (modbus_read_registers(ctx, 0, count, regs) != count) errors++;
        lat[n++] = (now_s() - t0) * 1e6;
    }
    double elapsed = now_s() - start;
    qsort(lat, n, sizeof(double), cmp_double);
    printf("polls=%zu seconds=%.3f polls_per_s=%.1f p50_us=%.1f p99_us=%.1f errors=%ld\n", n, elapsed, n / elapsed,
           n ? lat[n / 2] : 0.0, n ? lat[(size_t)(n * 0.99)] : 0.0, errors);
    modbus_close(ctx);
    modbus_free(ctx);
    free(lat);
    return 0;
}
