/* sort.c - an in-place sort of 64-bit keys.
 *
 * glibc's qsort is a merge sort that mallocs a copy of the whole array:
 * on a large story that copy was the peak of the comparison's memory.
 * This one needs no memory beyond a few words of stack: an introsort
 * (quicksort on a median of three, insertion sort on short runs, and
 * heapsort when the quicksort goes too deep, so it never costs a square).
 * It is not stable; callers make their keys distinct where order among
 * equal ones would show. */
#include "base/base.h"

/* Runs this short or shorter are finished by insertion. */
enum { INSERTION_MAX = 16 };

static void insertion_sort(uint64_t *a, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        uint64_t v = a[i];
        size_t j = i;
        for (; j > 0 && a[j - 1] > v; j--)
            a[j] = a[j - 1];
        a[j] = v;
    }
}

static void sift_down(uint64_t *a, size_t root, size_t n)
{
    uint64_t v = a[root];
    for (size_t child; (child = 2 * root + 1) < n; root = child) {
        if (child + 1 < n && a[child + 1] > a[child])
            child++;
        if (a[child] <= v)
            break;
        a[root] = a[child];
    }
    a[root] = v;
}

static void heap_sort(uint64_t *a, size_t n)
{
    for (size_t i = n / 2; i-- > 0;)
        sift_down(a, i, n);
    for (size_t end = n; end > 1; end--) {
        uint64_t top = a[0];
        a[0] = a[end - 1];
        a[end - 1] = top;
        sift_down(a, 0, end - 1);
    }
}

static void swap(uint64_t *a, size_t i, size_t j)
{
    uint64_t t = a[i];
    a[i] = a[j];
    a[j] = t;
}

/* depth: partitions left before the rest goes to heapsort */
static void intro_sort(uint64_t *a, size_t n, unsigned depth)
{
    while (n > INSERTION_MAX) {
        if (!depth--) {
            heap_sort(a, n);
            return;
        }
        /* the median of the first, middle and last to a[0]: a pivot that
         * keeps sorted and reversed runs from costing a square */
        size_t mid = n / 2;
        if (a[mid] < a[0])
            swap(a, mid, 0);
        if (a[n - 1] < a[0])
            swap(a, n - 1, 0);
        if (a[n - 1] < a[mid])
            swap(a, n - 1, mid);
        swap(a, 0, mid);
        uint64_t p = a[0];
        /* Hoare's partition: keys equal to the pivot go to both sides,
         * so runs of one key split in halves */
        size_t i = 0, j = n;
        for (;;) {
            do
                i++;
            while (i < n && a[i] < p);
            do
                j--;
            while (a[j] > p);
            if (i >= j)
                break;
            swap(a, i, j);
        }
        swap(a, 0, j);
        /* the shorter side by recursion (at most log2 n deep), the longer
         * by the loop */
        if (j < n - j - 1) {
            intro_sort(a, j, depth);
            a += j + 1;
            n -= j + 1;
        } else {
            intro_sort(a + j + 1, n - j - 1, depth);
            n = j;
        }
    }
    insertion_sort(a, n);
}

void claims__sort_u64(uint64_t *a, size_t n)
{
    unsigned depth = 0;
    for (size_t m = n; m > 1; m >>= 1)
        depth += 2;
    intro_sort(a, n, depth);
}

/* ------------------------------------------------ elements of any size */

/* Swaps two elements of `size` bytes, eight at a time where the size is
 * a multiple of eight (every caller's but the 4-byte ones). */
static inline void swap_el(char *a, char *b, size_t size)
{
    if (a == b)
        return;
    size_t k = 0;
    if (size % 8 == 0)
        for (; k < size; k += 8) {
            uint64_t x, y;
            memcpy(&x, a + k, 8);
            memcpy(&y, b + k, 8);
            memcpy(a + k, &y, 8);
            memcpy(b + k, &x, 8);
        }
    for (; k < size; k++) {
        char t = a[k];
        a[k] = b[k];
        b[k] = t;
    }
}

static void heap_down_el(char *a, size_t root, size_t n, size_t size, claims__cmp_fn cmp)
{
    for (size_t child; (child = 2 * root + 1) < n; root = child) {
        if (child + 1 < n && cmp(a + (child + 1) * size, a + child * size) > 0)
            child++;
        if (cmp(a + child * size, a + root * size) <= 0)
            break;
        swap_el(a + root * size, a + child * size, size);
    }
}

static void intro_sort_el(char *a, size_t n, size_t size, claims__cmp_fn cmp, unsigned depth)
{
    while (n > INSERTION_MAX) {
        if (!depth--) {
            for (size_t i = n / 2; i-- > 0;)
                heap_down_el(a, i, n, size, cmp);
            for (size_t end = n; end > 1; end--) {
                swap_el(a, a + (end - 1) * size, size);
                heap_down_el(a, 0, end - 1, size, cmp);
            }
            return;
        }
        /* the median of the first, middle and last to a[0], as above */
        char *first = a, *mid = a + n / 2 * size, *last = a + (n - 1) * size;
        if (cmp(mid, first) < 0)
            swap_el(mid, first, size);
        if (cmp(last, first) < 0)
            swap_el(last, first, size);
        if (cmp(last, mid) < 0)
            swap_el(last, mid, size);
        swap_el(first, mid, size);
        /* Hoare's partition around a[0], which stays in place (so the
         * compares need no copy of the pivot) until it is swapped to j */
        size_t i = 0, j = n;
        for (;;) {
            do
                i++;
            while (i < n && cmp(a + i * size, a) < 0);
            do
                j--;
            while (cmp(a + j * size, a) > 0);
            if (i >= j)
                break;
            swap_el(a + i * size, a + j * size, size);
        }
        swap_el(a, a + j * size, size);
        if (j < n - j - 1) {
            intro_sort_el(a, j, size, cmp, depth);
            a += (j + 1) * size;
            n -= j + 1;
        } else {
            intro_sort_el(a + (j + 1) * size, n - j - 1, size, cmp, depth);
            n = j;
        }
    }
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && cmp(a + (j - 1) * size, a + j * size) > 0; j--)
            swap_el(a + (j - 1) * size, a + j * size, size);
}

void claims__sort(void *base, size_t n, size_t size, claims__cmp_fn cmp)
{
    unsigned depth = 0;
    for (size_t m = n; m > 1; m >>= 1)
        depth += 2;
    if (n > 1)
        intro_sort_el(base, n, size, cmp, depth);
}
