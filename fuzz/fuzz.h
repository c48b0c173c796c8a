/* fuzz.h - the libFuzzer entry point, shared by the fuzz targets and the
 * corpus replay driver. */
#ifndef CLAIMS_FUZZ_H
#define CLAIMS_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
