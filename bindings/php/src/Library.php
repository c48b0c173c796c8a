<?php
declare(strict_types=1);

namespace Claims;

/**
 * Loads libclaims through PHP's FFI, once per request.
 *
 * Under a web server Debian's default `ffi.enable=preload` allows FFI only
 * in preloaded code, so a site preloads the header (`ffi.preload`) and these
 * classes (`opcache.preload`, see preload.php); then the scope "claims" is
 * used. On the command line (where FFI is allowed) the header is loaded
 * directly: $LIBCLAIMS_FFI_HEADER, else claims_ffi.h beside this package;
 * $LIBCLAIMS_LIBRARY overrides the library path.
 */
final class Library
{
    /** The MAJOR.MINOR this binding was written for; the soname follows it. */
    public const ABI_VERSION = [0, 1];
    public const SONAME = 'libclaims.so.0.1';

    private static ?\FFI $ffi = null;

    public static function ffi(): \FFI
    {
        if (self::$ffi === null) {
            $ffi = self::load();
            $v = $ffi->claims_version();
            $got = [intdiv($v, 10000), intdiv($v, 100) % 100];
            if ($got !== self::ABI_VERSION) {
                throw new ClaimsException(Status::INVALID_ARGUMENT, sprintf(
                    'libclaims %s is loaded, this binding needs %d.%d.x',
                    $ffi->claims_version_string(), self::ABI_VERSION[0], self::ABI_VERSION[1]));
            }
            self::$ffi = $ffi;
        }
        return self::$ffi;
    }

    /** The version of the loaded C library, e.g. "0.1.0". */
    public static function version(): string
    {
        return self::ffi()->claims_version_string();
    }

    /** Where the generated FFI header is. */
    public static function headerPath(): string
    {
        $env = getenv('LIBCLAIMS_FFI_HEADER');
        return $env !== false && $env !== '' ? $env : dirname(__DIR__) . '/claims_ffi.h';
    }

    private static function load(): \FFI
    {
        $library = getenv('LIBCLAIMS_LIBRARY');
        if ($library === false || $library === '') {
            try {
                return \FFI::scope('claims'); // preloaded with ffi.preload
            } catch (\FFI\Exception $e) {
                // not preloaded: load the header below
            }
        }
        $header = self::headerPath();
        $code = @file_get_contents($header);
        if ($code === false) {
            throw new ClaimsException(Status::IO, "cannot read the FFI header $header "
                . '(set LIBCLAIMS_FFI_HEADER, or preload it with ffi.preload)');
        }
        try {
            if ($library !== false && $library !== '') {
                // FFI::cdef() does not read the #define lines FFI::load() does.
                return \FFI::cdef(preg_replace('/^#define FFI_\w+ .*$/m', '', $code), $library);
            }
            return \FFI::load($header);
        } catch (\FFI\Exception $e) {
            throw new ClaimsException(Status::IO, 'cannot load libclaims through FFI: '
                . $e->getMessage() . ' (install libclaims and run ldconfig, or set '
                . 'LIBCLAIMS_LIBRARY; under a web server preload it, see bindings/php/README.md)');
        }
    }
}
