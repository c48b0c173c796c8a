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
