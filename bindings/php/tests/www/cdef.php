<?php
declare(strict_types=1);

// Without preloading: what FFI::cdef() does under Debian's default
// ffi.enable=preload in a web server (it refuses).
header('Content-Type: application/json');
try {
    $ffi = FFI::cdef('int claims_version(void);', 'libclaims.so.0.1');
    echo json_encode(['version' => $ffi->claims_version()]);
} catch (Throwable $e) {
    echo json_encode(['error' => get_class($e) . ': ' . $e->getMessage()]);
}
