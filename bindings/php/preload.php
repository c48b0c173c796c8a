<?php
declare(strict_types=1);

/*
 * opcache.preload script: compiles the Claims\ classes once at server start,
 * so that their calls into FFI are allowed under Debian's default
 * `ffi.enable=preload`. The header itself is preloaded by `ffi.preload`.
 * php.ini (see README.md):
 *
 *   ffi.preload = /usr/local/share/php/libclaims/claims_ffi.h
 *   opcache.preload = /usr/local/share/php/libclaims/preload.php
 *   opcache.preload_user = www-data
 */
foreach (['Status', 'Exceptions', 'Library', 'Results', 'Story'] as $file) {
    require_once __DIR__ . "/src/$file.php";
}
